using System.Text.Json.Nodes;
using TeamsBot.Tests.Infrastructure;

namespace TeamsBot.Tests.Digest;

/// <summary>Teams channel messages that @mention the bot, as Teams sends them.</summary>
public static class DigestActivities
{
    public const string TeamId = "19:team-beredskap@thread.tacv2";
    public const string ChannelId = "19:brief-kanal@thread.tacv2";
    public const string Coordinator = "11111111-1111-1111-1111-111111111111";

    public static JsonObject ChannelMessage(string serviceUrl, string command, string channelId = ChannelId, string locale = "nb-NO",
        string aadObjectId = Coordinator)
    {
        var text = $"<at>TeamsBot</at> {command}";
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["locale"] = locale,
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Kari Nordmann", ["aadObjectId"] = aadObjectId },
            ["recipient"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "TeamsBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = $"{channelId};messageid={Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}",
                ["conversationType"] = "channel",
                ["isGroup"] = true,
                ["tenantId"] = Activities.Tenant,
            },
            ["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>TeamsBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "TeamsBot" },
            }),
            ["channelData"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = Activities.Tenant },
                ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Beredskap" },
                ["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Brief" },
            },
        };
    }
}
