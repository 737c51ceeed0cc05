using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TeamsBot.Testing;

/// <summary>
/// Inbound activities shaped as Teams sends them (the documented shapes, and what the Agents Playground sends), as JSON
/// nodes so that a test can change or break any part before posting them to /api/messages.
/// </summary>
public static class TeamsActivities
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string BotId = "28:teamsbot";
    public const string BotName = "TeamsBot";
    public const string PersonalChatId = "a:personal-1";
    public const string TeamId = "19:team-beredskap@thread.tacv2";
    public const string ChannelId = "19:brief-kanal@thread.tacv2";
    public const string InvokeName = "adaptiveCard/action";

    /// <summary>A chat message from <paramref name="from"/> (Kari by default) in a personal chat unless told otherwise.</summary>
    public static JsonObject Message(string serviceUrl, string text = "hello", string conversationId = PersonalChatId, string locale = "nb-NO",
        TestUser? from = null, string conversationType = "personal", string tenantId = TenantId, string? id = null)
    {
        var activity = Base("message", serviceUrl, conversationId, conversationType, from, tenantId, id);
        activity["locale"] = locale;
        activity["textFormat"] = "plain";
        activity["text"] = text;
        return activity;
    }

    /// <summary>A channel message that @mentions the bot (in channels the bot gets only those), in a thread of the channel.</summary>
    public static JsonObject ChannelMention(string serviceUrl, string text, string channelId = ChannelId, string teamId = TeamId,
        string locale = "nb-NO", TestUser? from = null, string tenantId = TenantId)
    {
        const string mention = $"<at>{BotName}</at>";
        var thread = $"{channelId};messageid={Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999)}";
        var activity = Message(serviceUrl, $"{mention} {text}", thread, locale, from, "channel", tenantId);
        activity["conversation"]!["isGroup"] = true;
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = mention,
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        });
        activity["channelData"]!["team"] = new JsonObject { ["id"] = teamId, ["name"] = "Beredskap" };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channelId, ["name"] = "Brief" };
        return activity;
    }

    /// <summary>Universal Actions: an Action.Execute press as an adaptiveCard/action invoke.</summary>
    public static JsonObject Execute(string serviceUrl, string verb, JsonObject? data = null, string conversationId = PersonalChatId,
        string locale = "nb-NO", TestUser? from = null, string conversationType = "personal", string trigger = "manual") =>
        Invoke(serviceUrl, new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = trigger,
        }, conversationId: conversationId, locale: locale, from: from, conversationType: conversationType);

    /// <summary>Any invoke activity with the value given (as-is, so a test can send malformed ones).</summary>
    public static JsonObject Invoke(string serviceUrl, JsonNode? value, string name = InvokeName, string conversationId = PersonalChatId,
        string locale = "nb-NO", TestUser? from = null, string conversationType = "personal", string tenantId = TenantId)
    {
        var activity = Base("invoke", serviceUrl, conversationId, conversationType, from, tenantId, id: null);
        activity["locale"] = locale;
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    /// <summary>
    /// The user's answer to a file-consent card: a fileConsent/invoke replying to the card's message, its value a
    /// FileConsentCardResponse (context = the card's accept or decline context; uploadInfo on accept).
    /// </summary>
    public static JsonObject FileConsent(string serviceUrl, string action, JsonNode? context, string replyToId, JsonObject? uploadInfo = null,
        string conversationId = PersonalChatId, string locale = "nb-NO", TestUser? from = null)
    {
        var value = new JsonObject { ["type"] = "fileUpload", ["action"] = action, ["context"] = context?.DeepClone() };
        if (uploadInfo is not null) value["uploadInfo"] = uploadInfo.DeepClone();
        var activity = Invoke(serviceUrl, value, "fileConsent/invoke", conversationId, locale, from);
        activity["replyToId"] = replyToId;
        return activity;
    }

    /// <summary>uploadInfo as Teams sends it on accept: the upload session and where the file will be.</summary>
    public static JsonObject UploadInfo(string uploadUrl, string name) => new()
    {
        ["contentUrl"] = $"https://contoso-my.sharepoint.com/personal/kari_contoso_com/Documents/Applications/{name}",
        ["name"] = name,
        ["uploadUrl"] = uploadUrl,
        ["uniqueId"] = "1150D938-8870-4044-9F2C-5BBDEBA70C8C",
        ["fileType"] = "md",
        ["etag"] = "123",
    };

    /// <summary>Action.Submit: a message without text whose value holds the action's data and the inputs, replying to the card.</summary>
    public static JsonObject Submit(string serviceUrl, JsonObject value, string replyToId, string conversationId = PersonalChatId,
        string locale = "nb-NO", TestUser? from = null)
    {
        var activity = Message(serviceUrl, "", conversationId, locale, from);
        activity.Remove("text");
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        return activity;
    }

    /// <summary>The bot added to a personal chat: conversationUpdate with the user and the bot in membersAdded.</summary>
    public static JsonObject PersonalInstall(string serviceUrl, string conversationId = PersonalChatId, string locale = "nb-NO", TestUser? from = null)
    {
        var user = from ?? TestUser.Kari;
        var activity = Base("conversationUpdate", serviceUrl, conversationId, "personal", user, TenantId, id: null);
        activity["locale"] = locale;
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = user.Id }, new JsonObject { ["id"] = BotId });
        return activity;
    }

    /// <summary>The bot added to a team: conversationUpdate in the team's General channel, eventType teamMemberAdded.</summary>
    public static JsonObject TeamInstall(string serviceUrl, string teamId = "19:team-general@thread.tacv2", string selectedChannelId = "19:brief@thread.tacv2")
    {
        var activity = Base("conversationUpdate", serviceUrl, teamId, "channel", null, TenantId, id: null);
        activity["conversation"]!["isGroup"] = true;
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        var channelData = activity["channelData"]!.AsObject();
        channelData["eventType"] = "teamMemberAdded";
        channelData["team"] = new JsonObject { ["id"] = teamId, ["name"] = "Beredskap" };
        channelData["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = selectedChannelId } };
        return activity;
    }

    /// <summary>installationUpdate: action add, remove, add-upgrade or remove-upgrade.</summary>
    public static JsonObject InstallationUpdate(string serviceUrl, string action, string conversationId = PersonalChatId)
    {
        var activity = Base("installationUpdate", serviceUrl, conversationId, "personal", null, TenantId, id: null);
        activity["action"] = action;
        return activity;
    }

    public static JsonObject Uninstall(string serviceUrl, string conversationId = PersonalChatId) => InstallationUpdate(serviceUrl, "remove", conversationId);

    public static Task<HttpResponseMessage> PostAsync(this HttpClient http, JsonObject activity) =>
        http.PostAsJsonAsync("/api/messages", activity);

    private static JsonObject Base(string type, string serviceUrl, string conversationId, string conversationType, TestUser? from, string tenantId, string? id) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-22T17:00:00.123Z",
        ["localTimestamp"] = "2026-11-22T18:00:00.123+01:00",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = (from ?? TestUser.Kari).ToJson(),
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = tenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    };
}
