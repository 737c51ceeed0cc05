using System.Text.Json.Nodes;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Reliability.Fuzz;

/// <summary>A seed measure the grammar may name in card data.</summary>
public sealed record KnownMeasure(string PlanId, string MeasureId);

/// <summary>
/// Real activity shapes as Teams sends them (<see cref="TeamsActivities"/>): chat messages (personal, channel mention,
/// group chat), Action.Execute invokes with each of our verbs, Action.Submit messages, other invokes, installs
/// (conversationUpdate, installationUpdate) and the other activity types. Each case's ids carry its
/// <see cref="FuzzMarkers.For">marker</see>, so a stored row can be traced to the request that wrote it, and its user
/// text carries a canary (<see cref="FuzzMarkers.UserText"/>) that must never reach a log line at Information or above.
/// </summary>
public sealed class ActivityGrammar(string serviceUrl, IReadOnlyList<KnownMeasure> measures)
{
    public static readonly string[] Verbs =
        ["measure.show", "measure.edit", "measure.update", "measure.refresh", "measure.history", "chat.more", "digest.open", "no.such.verb"];

    private static readonly string[] Questions =
    [
        "status for PLIVO", "hva er forsinket?", "what is overdue?", "hjelp", "help", "planer", "plans", "oppdater PLIVO",
        "historikk PLIVO", "frister neste 30 dager", "deadlines in August", "what changed last week?", "hva er endret siste uke?",
        "tiltak PST eier", "measures owned by PST", "oppsummering 25. juni", "pågående tiltak", "hvem eier liaison fra PST til POD?",
        "risikovurderingsverktøy", "iverksatte tiltak i 25. juni", "endret siden 1. september 2023", "status of the risk assessment tool",
    ];

    private static readonly string[] ChannelCommands =
        ["abonner på ukentlig brief mandag 09:00", "vis abonnement", "stopp brief", "brief nå", "subscribe to weekly brief", "show subscription", "hjelp"];

    private static readonly string[] OtherInvokes = ["composeExtension/query", "task/fetch", "signin/verifyState", "actionableMessage/executeAction", ""];

    private static readonly string[] OtherTypes = ["event", "typing", "messageReaction", "endOfConversation", "messageUpdate", "messageDelete", "handoff", "somethingNew"];

    public (string Shape, JsonObject Activity) Create(Random rng, int index)
    {
        var (shape, activity) = CreateShape(rng, index);
        // Deterministic ids (the builders draw theirs at random): a case renders the same on every run.
        activity["id"] = $"{FuzzMarkers.For(index)}act";
        if (shape == "channel mention")
            activity["conversation"]!["id"] = $"19:{FuzzMarkers.For(index)}channel@thread.tacv2;messageid={1_700_000_000_000L + index}";
        return (shape, activity);
    }

    private (string Shape, JsonObject Activity) CreateShape(Random rng, int index)
    {
        var marker = FuzzMarkers.For(index);
        var personal = $"a:{marker}personal";
        var user = Pick(rng, [TestUser.Kari, TestUser.Ola, TestUser.Per]);
        var locale = Pick(rng, ["nb-NO", "en-US", "nn-NO", "en-GB"]);
        var roll = rng.Next(100);
        return roll switch
        {
            < 22 => ("message", TeamsActivities.Message(serviceUrl, Text(rng, index, Questions), personal, locale, user)),
            < 30 => ("channel mention", TeamsActivities.ChannelMention(serviceUrl, Text(rng, index, ChannelCommands),
                $"19:{marker}channel@thread.tacv2", $"19:{marker}team@thread.tacv2", locale, user)),
            < 33 => ("group chat", TeamsActivities.Message(serviceUrl, Text(rng, index, Questions), $"19:{marker}group@thread.v2", locale, user, "groupChat")),
            < 58 => Execute(rng, index, personal, locale, user),
            < 70 => Submit(rng, index, personal, locale, user),
            < 73 => ("invoke other", TeamsActivities.Invoke(serviceUrl, new JsonObject { ["query"] = $"q {FuzzMarkers.UserText(index)}" },
                Pick(rng, OtherInvokes), personal, locale, user)),
            < 78 => ("personal install", TeamsActivities.PersonalInstall(serviceUrl, personal, locale, user)),
            < 82 => ("team install", TeamsActivities.TeamInstall(serviceUrl, $"19:{marker}team@thread.tacv2", $"19:{marker}brief@thread.tacv2")),
            < 85 => ("members removed", MembersRemoved(personal)),
            < 91 => ("installationUpdate", TeamsActivities.InstallationUpdate(serviceUrl, Pick(rng, ["add", "remove", "add-upgrade", "remove-upgrade", "other"]), personal)),
            _ => OtherType(rng, personal),
        };
    }

    private (string, JsonObject) Execute(Random rng, int index, string conversation, string locale, TestUser user)
    {
        var verb = Pick(rng, Verbs);
        var activity = TeamsActivities.Execute(serviceUrl, verb, Data(rng, index, verb), conversation, locale, user,
            trigger: rng.Next(5) == 0 ? "automatic" : "manual");
        return ($"invoke {verb}", activity);
    }

    private (string, JsonObject) Submit(Random rng, int index, string conversation, string locale, TestUser user)
    {
        var verb = Pick(rng, Verbs);
        var value = Data(rng, index, verb);
        value["verb"] = verb;
        return ($"submit {verb}", TeamsActivities.Submit(serviceUrl, value, replyToId: $"activity-{rng.Next(1000)}", conversation, locale, user));
    }

    /// <summary>Card data as our cards carry it (the verb's own fields, for a seed measure or one that does not exist).</summary>
    private JsonObject Data(Random rng, int index, string verb)
    {
        var measure = rng.Next(6) == 0 ? new KnownMeasure("no-such-plan", "no-such-measure") : Pick(rng, measures);
        var data = new JsonObject { ["planId"] = measure.PlanId, ["measureId"] = measure.MeasureId };
        switch (verb)
        {
            case "measure.update":
                data["version"] = $"W/\"datetime'2026-11-{rng.Next(1, 28):00}T10%3A00%3A00.{rng.Next(1000000):0000000}Z'\"";
                var guid = new byte[16];
                rng.NextBytes(guid);
                data["formId"] = new Guid(guid).ToString("D");
                data["seenAt"] = "2026-11-20T10:00:00.0000000+00:00";
                data["status"] = Pick(rng, ["UnderPlanning", "InProgress", "Implemented", "Recommended", "pågående", "iverksatt", "Done"]);
                data["remark"] = $"Revidert {FuzzMarkers.UserText(index)}";
                data["deadline"] = Pick(rng, ["2027-01-31", "", "2023-02-30", "31.01.2027"]);
                data["comment"] = $"kommentar {FuzzMarkers.UserText(index)}";
                break;
            case "chat.more":
                data.Remove("planId");
                data.Remove("measureId");
                data["q"] = Pick(rng, Questions);
                data["page"] = rng.Next(4);
                break;
        }
        return data;
    }

    private JsonObject MembersRemoved(string conversation)
    {
        var activity = TeamsActivities.PersonalInstall(serviceUrl, conversation);
        activity["membersRemoved"] = activity["membersAdded"]!.DeepClone();
        activity.Remove("membersAdded");
        return activity;
    }

    private (string, JsonObject) OtherType(Random rng, string conversation)
    {
        var type = Pick(rng, OtherTypes);
        var activity = TeamsActivities.Message(serviceUrl, "", conversation);
        activity["type"] = type;
        activity.Remove("text");
        if (type == "event") activity["name"] = Pick(rng, ["ContinueConversation", "application/vnd.microsoft.meetingStart", "x"]);
        if (type == "messageReaction") activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
        return (type, activity);
    }

    private static string Text(Random rng, int index, string[] phrases) => $"{Pick(rng, phrases)} {FuzzMarkers.UserText(index)}";

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}

/// <summary>The per-case strings that make a stored row and a logged word traceable to one fuzz input.</summary>
public static class FuzzMarkers
{
    /// <summary>Put in every id of case <paramref name="index"/> (conversation, channel, team).</summary>
    public static string For(int index) => $"fz{index}z";

    /// <summary>Put in every text a user types in case <paramref name="index"/>.</summary>
    public static string UserText(int index) => $"kanari{index}q";

    public static IEnumerable<int> CasesIn(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"fz(\d+)z").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
}
