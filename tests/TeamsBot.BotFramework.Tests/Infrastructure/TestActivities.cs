using System.Text.Json.Nodes;

namespace TeamsBot.BotFramework.Tests.Infrastructure;

/// <summary>Inbound activities shaped like Teams sends them (as JSON nodes, so tests can break them).</summary>
public static class TestActivities
{
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";
    public const string ConversationId = "a:1personal-chat-id";

    public static JsonObject Message(string serviceUrl, string text = "hello", string tenantId = TestTokens.TenantId, string id = "1700000000001") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-22T17:00:00.123Z",
        ["localTimestamp"] = "2026-11-22T18:00:00.123+01:00",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Kari Nordmann", ["aadObjectId"] = "aad-user-1" },
        ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "TeamsBot" },
        ["textFormat"] = "plain",
        ["text"] = text,
        ["locale"] = "nb-NO",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };

    public static JsonObject Invoke(string serviceUrl, string name = "adaptiveCard/action", JsonNode? value = null)
    {
        var activity = Message(serviceUrl);
        activity["type"] = "invoke";
        activity["name"] = name;
        activity.Remove("text");
        activity["value"] = value ?? new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "setStatus", ["data"] = new JsonObject { ["measureId"] = "m-1", ["status"] = "iverksatt" } },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
