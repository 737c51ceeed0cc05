// TeamsBot in one resource group: a user-assigned managed identity that is the bot's identity (no secrets),
// an Azure Bot with the Teams channel, a Linux App Service running .NET 10, a Storage account for the tables
// (Entra ID only, no keys), and Log Analytics + Application Insights.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.parameters.json (see docs/deploy.md).

targetScope = 'resourceGroup'

@description('Short prefix for resource names (lowercase letters, digits and hyphens).')
@minLength(3)
@maxLength(12)
param baseName string = 'teamsbot'

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. Basic (B1) or higher: alwaysOn is not available on Free/Shared.')
@allowed([
  'B1'
  'B2'
  'S1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot SKU: F0 (free, standard channels such as Teams) or S1.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_ZRS'

@description('Turn on Microsoft Graph lookups (owners, role groups, channels, proactive install). Grant the identity its Graph application permissions first (docs/deploy.md), otherwise leave false.')
param graphEnabled bool = false

@description('Days to keep logs in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Tags put on every resource.')
param tags object = {
  application: 'TeamsBot'
  owner: 'Politidirektoratet'
}

var suffix = take(uniqueString(resourceGroup().id, baseName), 8)
var identityName = 'id-${baseName}-${suffix}'
var planName = 'plan-${baseName}-${suffix}'
var webAppName = 'app-${baseName}-${suffix}'
var botName = 'bot-${baseName}-${suffix}'
var storageName = take(toLower('st${replace(baseName, '-', '')}${suffix}'), 24)
var workspaceName = 'log-${baseName}-${suffix}'
var insightsName = 'appi-${baseName}-${suffix}'

// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributorRoleId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      // Readiness (index loaded), not /healthz: a storage outage hits every instance alike, and App Service would take
      // them all out of rotation and restart them, losing the index that still answers questions (docs/reliability.md).
      healthCheckPath: '/healthz/ready'
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          // Lets DefaultAzureCredential / ManagedIdentityCredential pick this identity.
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'Storage__TableEndpoint'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'Graph__Enabled'
          value: graphEnabled ? 'true' : 'false'
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: insights.properties.ConnectionString
        }
      ]
    }
  }
}

// No publishing with a username and password, neither FTP nor the SCM (Kudu) site: deployments sign in with
// Entra ID (az webapp deploy), so the web app has no publishing secret either.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: webApp
  name: 'scm'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'TeamsBot'
    description: 'Oppfølging av tiltaksplaner for Politidirektoratet'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppTenantId: identity.properties.tenantId
    msaAppMSIResourceId: identity.id
    publicNetworkAccess: 'Enabled'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('Host name of the web app: the bot endpoint is https://<this>/api/messages; pass it to the app packager as --domain.')
output webAppHostName string = webApp.properties.defaultHostName

@description('Name of the web app, for az webapp deploy.')
output webAppName string = webApp.name

@description('The bot id (Microsoft App ID) = the managed identity client id; pass it to the app packager as --bot-id.')
output botId string = identity.properties.clientId

@description('Object (principal) id of the identity, for granting Microsoft Graph application permissions.')
output identityPrincipalId string = identity.properties.principalId

output botName string = bot.name

output storageTableEndpoint string = storage.properties.primaryEndpoints.table
