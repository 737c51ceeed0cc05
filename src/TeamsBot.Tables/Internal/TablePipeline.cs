using Azure.Core;
using Azure.Core.Pipeline;

namespace TeamsBot.Tables.Internal;

/// <summary>Builds the Azure.Core pipeline (retry, logging, then auth per attempt) for a credential.</summary>
internal static class TablePipeline
{
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(TableClientOptions options, HttpPipelinePolicy authPolicy) =>
        HttpPipelineBuilder.Build(new HttpPipelineOptions(options)
        {
            PerRetryPolicies = { authPolicy },
            RequestFailedDetailsParser = TableErrorParser.Instance,
        });

    public static HttpPipelinePolicy SharedKey(TableSharedKeyCredential credential) => new SharedKeyLitePolicy(credential);

    public static HttpPipelinePolicy Token(TokenCredential credential) =>
        new BearerTokenAuthenticationPolicy(credential, StorageScope);
}
