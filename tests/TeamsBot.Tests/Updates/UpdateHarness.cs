using System.Net;
using System.Text.Json.Nodes;
using TeamsBot.Access;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;
using TeamsBot.Measures.Import;
using TeamsBot.Measures.Storage;
using TeamsBot.Testing;
using TeamsBot.Tests.Infrastructure;
using TeamsBot.Updates;

namespace TeamsBot.Tests.Updates;

/// <summary>
/// The real app (Azurite, the seed plans imported) behind /api/messages, a loopback connector, and helpers that act
/// like a Teams client on our cards: open the form, fill it, press its buttons. Every card seen is kept for validation.
/// </summary>
public sealed class UpdateHarness : IAsyncDisposable
{
    private readonly List<string> _cards = [];
    private readonly Lock _cardsLock = new();

    private UpdateHarness(TestApp app, LoopbackConnector connector)
    {
        App = app;
        Connector = connector;
        Http = new HttpClient { BaseAddress = app.BaseAddress };
    }

    public TestApp App { get; }
    public LoopbackConnector Connector { get; }
    public HttpClient Http { get; }
    public MeasureStore Store => App.Get<MeasureStore>();
    public MeasureIndex Index => App.Get<MeasureIndex>();

    public static async Task<UpdateHarness> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var connector = await LoopbackConnector.StartAsync();
        var app = await TestApp.CreateAsync(azurite, settings, configure: configure);
        await app.Get<PlanImporter>().ImportAsync([PlanFiles.SeedFolder], CancellationToken.None);
        await app.WaitUntilHealthyAsync();
        return new UpdateHarness(app, connector);
    }

    public Task GrantAsync(TestUser user, string role, string planIds = "", string ownerUnits = "", bool byTeamsId = false) =>
        App.Get<RoleStore>().UpsertAsync(new RoleRecord(
            byTeamsId ? user.Id : user.AadObjectId,
            new HashSet<string>(role.Split(','), StringComparer.Ordinal),
            [.. planIds.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            [.. ownerUnits.Split(',', StringSplitOptions.RemoveEmptyEntries)],
            user.Id,
            user.Name), CancellationToken.None);

    /// <summary>The PUT that replaced card <paramref name="activityId"/> (the Action.Submit path answers by updating the card).</summary>
    public async Task<ConnectorRequest> WaitForPutAsync(string activityId) =>
        (await Connector.WaitForAsync(r => r.Method == "PUT" && r.ActivityId == activityId))[0];

    /// <summary>Action.Execute: posts the invoke and returns the adaptiveCard/action response body.</summary>
    public async Task<JsonObject> ExecuteAsync(string verb, JsonObject data, TestUser? user = null, string locale = "nb-NO",
        string conversationType = "personal", string trigger = "manual")
    {
        var activity = TeamsActivities.Execute(Connector.ServiceUrl, verb, data, conversationType == "personal" ? "a:personal-1" : "19:group@thread.v2",
            locale, user ?? TestUser.Kari, conversationType, trigger);
        var response = await Http.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        if ((string?)body["type"] == "application/vnd.microsoft.card.adaptive") Keep(body["value"]!.AsObject());
        return body;
    }

    /// <summary>Action.Submit: a message whose value is the data and inputs, replying to the card's activity.</summary>
    public async Task SubmitAsync(JsonObject value, string replyToId, TestUser? user = null, string locale = "nb-NO")
    {
        var response = await Http.PostAsync(TeamsActivities.Submit(Connector.ServiceUrl, value, replyToId, locale: locale, from: user ?? TestUser.Kari));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task<IReadOnlyList<JsonObject>> SayAsync(string text, TestUser? user = null, string locale = "nb-NO")
    {
        var before = Connector.Messages.Count;
        var response = await Http.PostAsync(TeamsActivities.Message(Connector.ServiceUrl, text, locale: locale, from: user ?? TestUser.Kari));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = await Connector.WaitForMessagesAsync(before + 1);
        var sent = messages.Skip(before).ToList();
        foreach (var card in sent.SelectMany(CardsOf)) Keep(card);
        return sent;
    }

    public static IEnumerable<JsonObject> CardsOf(JsonObject activity) =>
        (activity["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")
            .Select(a => a["content"]!.AsObject());

    /// <summary>Opens the form through the measure card's "Oppdater status" (Action.Execute) and returns it.</summary>
    public async Task<JsonObject> OpenFormAsync(string planId, string measureId, TestUser? user = null, string locale = "nb-NO")
    {
        var response = await ExecuteAsync(CardVerbs.EditMeasure, new JsonObject { ["planId"] = planId, ["measureId"] = measureId }, user, locale);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)response["type"]);
        return response["value"]!.AsObject();
    }

    /// <summary>What a client sends when the form's first (save) button is pressed: its data merged with the inputs (all strings).</summary>
    public static JsonObject Fill(JsonObject form, string? status = null, string? remark = null, string? deadline = null, string? comment = null)
    {
        var data = SaveAction(form)["data"]!.AsObject().DeepClone().AsObject();
        foreach (var input in Inputs(form))
            data[(string)input["id"]!] = input["value"]?.GetValue<string>() ?? "";
        if (status is not null) data[FormInputs.Status] = status;
        if (remark is not null) data[FormInputs.Remark] = remark;
        if (deadline is not null) data[FormInputs.Deadline] = deadline;
        if (comment is not null) data[FormInputs.Comment] = comment;
        return data;
    }

    public async Task<JsonObject> SaveAsync(JsonObject form, TestUser? user = null, string? status = null, string? remark = null,
        string? deadline = null, string? comment = null) =>
        await ExecuteAsync(CardVerbs.UpdateMeasure, Fill(form, status, remark, deadline, comment), user);

    public static JsonObject SaveAction(JsonObject form) =>
        form["actions"]!.AsArray().OfType<JsonObject>().First(a => (string?)a["verb"] == CardVerbs.UpdateMeasure);

    public static IEnumerable<JsonObject> Inputs(JsonObject card) => Descendants(card)
        .Where(n => ((string?)n["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public static JsonObject Input(JsonObject card, string id) => Inputs(card).Single(i => (string?)i["id"] == id);

    public static string? InputValue(JsonObject card, string id) => Input(card, id)["value"]?.GetValue<string>();

    public static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                    foreach (var d in Descendants(child)) yield return d;
                break;
            case JsonArray a:
                foreach (var child in a)
                    foreach (var d in Descendants(child)) yield return d;
                break;
        }
    }

    /// <summary>Every TextBlock and Fact text of a card, joined by newlines: what a reader sees (markdown unrendered).</summary>
    public static string Text(JsonObject card) => string.Join("\n", Descendants(card)
        .Select(n => (string?)n["type"] is "TextBlock" or "TextRun" ? (string?)n["text"]
            : n["type"] is null && n["title"] is JsonValue title && n["value"] is JsonValue value ? $"{title}: {value}" : null)
        .OfType<string>());

    public async Task<List<HistoryEntry>> HistoryAsync(string planId, string measureId) =>
        await Store.GetHistoryAsync(planId, measureId, CancellationToken.None).ToListAsync();

    public async Task<Measure> MeasureAsync(string planId, string measureId) =>
        await Store.GetMeasureAsync(planId, measureId, CancellationToken.None) ?? throw new InvalidOperationException("No such measure.");

    public void Keep(JsonObject card)
    {
        lock (_cardsLock) _cards.Add(card.ToJsonString());
    }

    /// <summary>
    /// Checks every card this harness saw with Microsoft's adaptivecards library, in one run. The actions' Action.Submit
    /// fallbacks — a documented property the library parses but never re-serializes — must carry their action's verb,
    /// and are validated as the actions of a probe card of their own.
    /// </summary>
    public async Task AssertAllCardsValidAsync()
    {
        string[] cards;
        lock (_cardsLock) cards = [.. _cards.Distinct()];
        Assert.NotEmpty(cards);
        var checkedCards = new List<string>();
        foreach (var json in cards)
        {
            var card = JsonNode.Parse(json)!.AsObject();
            var fallbacks = new JsonArray();
            foreach (var action in (card["actions"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (action["fallback"] is not JsonObject fallback) continue;
                Assert.Equal("Action.Submit", (string?)fallback["type"]);
                Assert.Equal((string?)action["verb"], (string?)fallback["data"]?["verb"]);
                action.Remove("fallback");
                fallbacks.Add(fallback);
            }
            checkedCards.Add(card.ToJsonString());
            if (fallbacks.Count == 0) continue;
            var probe = new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "fallbacks" }),
                ["actions"] = fallbacks,
            };
            checkedCards.Add(probe.ToJsonString());
        }
        await CardValidator.AssertValidAsync([.. checkedCards]);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
