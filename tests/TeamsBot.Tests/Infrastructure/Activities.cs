using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Tests.Infrastructure;

/// <summary>Teams-shaped activities (as documented, and as the Agents Playground sends them) for posting to /api/messages.</summary>
public static class Activities
{
    public const string Tenant = "00000000-0000-0000-0000-0000000000001";
    public const string BotId = "28:teamsbot";

    public static JsonObject Message(string serviceUrl, string text, string conversationId = "a:personal-1", string locale = "nb-NO",
        string userId = "29:user-1", string conversationType = "personal") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = locale,
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = userId, ["name"] = "Kari Nordmann", ["aadObjectId"] = "11111111-1111-1111-1111-111111111111" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public static JsonObject PersonalInstall(string serviceUrl, string conversationId = "a:personal-1", string locale = "nb-NO") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:user-1" }, new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public static JsonObject TeamInstall(string serviceUrl, string teamId = "19:team-general@thread.tacv2", string channelId = "19:brief@thread.tacv2") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = teamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = Tenant },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = Tenant },
            ["eventType"] = "teamMemberAdded",
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = "Beredskap" },
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = channelId } },
        },
    };

    public static JsonObject Uninstall(string serviceUrl, string conversationId = "a:personal-1") => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "remove",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:user-1" },
        ["recipient"] = new JsonObject { ["id"] = BotId },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, JsonObject activity) =>
        http.PostAsJsonAsync("/api/messages", activity);
}
