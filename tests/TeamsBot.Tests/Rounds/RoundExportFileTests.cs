using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TeamsBot.Measures;
using TeamsBot.Measures.Export;
using TeamsBot.Testing;

namespace TeamsBot.Tests.Rounds;

/// <summary>
/// The round's export as a file through Teams' file-consent flow, end to end: the round closed in Kari's personal chat,
/// her answer as a fileConsent/invoke through /api/messages, the loopback upload server playing OneDrive's upload session.
/// </summary>
[Collection(Infrastructure.AzuriteCollection.Name)]
public sealed class RoundExportFileTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Start = "be om status for 25. juni-planen innen 18. desember 2026";
    private const string ConsentCardType = "application/vnd.microsoft.teams.card.file.consent";
    private const string ConsentCardId = "activity-consent-card";
    private const string FileName = "25-juni-status-2026-12-07.md";

    private readonly CapturingLoggerProvider _logs = new();
    private LoopbackConnector _connector = null!;
    private LoopbackUploadServer _uploads = null!;
    private RoundHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await LoopbackConnector.StartAsync();
        _uploads = await LoopbackUploadServer.StartAsync();
        // A short upload timeout, so that the hanging upload gives up soon; a loopback PUT takes milliseconds.
        _bot = await RoundHarness.StartAsync(azurite, _connector, settings: new Dictionary<string, string?> { ["FileUpload:Timeout"] = "00:00:02" },
            configure: builder => builder.Logging.AddProvider(_logs));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _uploads.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Closing_the_round_in_personal_chat_offers_the_export_as_a_markdown_file_of_its_exact_size_saying_what_it_is()
    {
        var offer = await CloseAndGetOfferAsync();

        var attachment = Assert.Single(offer["attachments"]!.AsArray())!;
        Assert.Equal(ConsentCardType, (string?)attachment["contentType"]);
        Assert.Equal(FileName, (string?)attachment["name"]);
        Assert.Equal(ExpectedBytes().Length, (long)attachment["content"]!["sizeInBytes"]!);
        Assert.Contains("område → tiltak / status / merknad", (string)attachment["content"]!["description"]!);
        Assert.Contains("Her er planen som fil", (string)offer["text"]!);
        var context = attachment["content"]!["acceptContext"]!;
        Assert.Equal(RoundHarness.PlanId, (string?)context["planId"]);
        Assert.Equal("round-export", (string?)context["kind"]);
        Assert.Equal(context.ToJsonString(), attachment["content"]!["declineContext"]!.ToJsonString());
        Assert.Null(offer["textFormat"]);
    }

    [Fact]
    public async Task Accepting_the_file_puts_the_exact_bytes_with_their_range_then_shows_the_file_card_and_answers_200()
    {
        var context = Context(await CloseAndGetOfferAsync());
        var before = _connector.Requests.Count;

        var response = await AnswerAsync("accept", context, TeamsActivities.UploadInfo(_uploads.SessionUrl(), FileName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var put = Assert.Single(_uploads.Requests);
        var bytes = ExpectedBytes();
        Assert.Equal(("PUT", "/up/session-1?tempauth=secret-session-1"), (put.Method, put.PathAndQuery));
        Assert.Equal(bytes, put.Body);
        Assert.Equal($"bytes 0-{bytes.Length - 1}/{bytes.Length}", put.ContentRange);
        Assert.Equal(bytes.Length, put.ContentLength);
        Assert.Null(put.Authorization);

        var after = _connector.Requests.Skip(before).ToList();
        var fileCard = Assert.Single(after, r => r.IsMessage);
        Assert.True(fileCard.Timestamp > put.Timestamp);
        var card = Assert.Single(fileCard.Body!["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.teams.card.file.info", (string?)card["contentType"]);
        Assert.Equal($"https://contoso-my.sharepoint.com/personal/kari_contoso_com/Documents/Applications/{FileName}", (string?)card["contentUrl"]);
        Assert.Equal(FileName, (string?)card["name"]);
        Assert.Equal("1150D938-8870-4044-9F2C-5BBDEBA70C8C", (string?)card["content"]!["uniqueId"]);
        Assert.Equal("md", (string?)card["content"]!["fileType"]);
        // The consent card is replaced by what became of it.
        var replaced = Assert.Single(after, r => r.Operation == ConnectorOperation.UpdateActivity);
        Assert.Equal(ConsentCardId, replaced.ActivityId);
        Assert.Equal($"Planen er lagret i OneDrive som {FileName}.", (string?)replaced.Body!["text"]);
    }

    [Fact]
    public async Task Declining_the_file_sends_the_table_after_a_polite_line_in_the_users_language_and_uploads_nothing()
    {
        var context = Context(await CloseAndGetOfferAsync());
        var before = _connector.Requests.Count;

        var response = await AnswerAsync("decline", context, locale: "en-US");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_uploads.Requests);
        var table = Assert.Single(_connector.Requests.Skip(before), r => r.IsMessage).Body!;
        Assert.StartsWith("All right, I won't save the file. Here is the table instead:\n\n# 25. juni", (string)table["text"]!);
        Assert.EndsWith(Encoding.UTF8.GetString(ExpectedBytes()), (string)table["text"]!);
        Assert.Equal("markdown", (string?)table["textFormat"]);
        var replaced = Assert.Single(_connector.Requests.Skip(before), r => r.Operation == ConnectorOperation.UpdateActivity);
        Assert.Equal("The plan was sent as a table in the chat instead of as a file.", (string?)replaced.Body!["text"]);
    }

    [Fact]
    public async Task An_upload_the_server_answers_500_sends_the_table_instead_saying_the_file_could_not_be_saved()
    {
        var context = Context(await CloseAndGetOfferAsync());
        _uploads.EnqueueStatus(500);
        var before = _connector.Messages.Count;

        var response = await AnswerAsync("accept", context, TeamsActivities.UploadInfo(_uploads.SessionUrl(), FileName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_uploads.Requests);
        var table = (string)Assert.Single(_connector.Messages.Skip(before))["text"]!;
        Assert.StartsWith("Filen kunne ikke lagres i OneDrive, så her er tabellen i stedet:", table);
        Assert.Contains("| Tiltak | Status | Merknad |", table);
        // The log says what failed and where, but never the upload URL's path or query (they carry the credential).
        var warning = Assert.Single(_logs.Entries, e => e.Category == typeof(TeamsBot.Files.FileUploader).FullName);
        Assert.Equal($"File upload of {ExpectedBytes().Length} bytes to 127.0.0.1 answered 500", warning.Message);
        Assert.DoesNotContain("tempauth", _logs.AllText);
        Assert.DoesNotContain("/up/session-1", _logs.AllText);
    }

    [Fact]
    public async Task An_upload_that_times_out_sends_the_table_instead_and_the_invoke_is_still_answered_200()
    {
        var context = Context(await CloseAndGetOfferAsync());
        _uploads.EnqueueHang();
        var before = _connector.Messages.Count;

        var response = await AnswerAsync("accept", context, TeamsActivities.UploadInfo(_uploads.SessionUrl(), FileName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_uploads.Requests);
        Assert.StartsWith("Filen kunne ikke lagres i OneDrive", (string)Assert.Single(_connector.Messages.Skip(before))["text"]!);
    }

    [Theory]
    [InlineData("https://uploads.example.com/up/session-1?tempauth=x")]
    [InlineData("https://contoso.sharepoint.com.example.com/up/session-1")]
    [InlineData("http://contoso-my.sharepoint.com/up/session-1")]
    [InlineData("not a url")]
    public async Task An_upload_url_that_is_not_https_on_an_allowed_host_is_not_used_and_the_table_is_sent_instead(string uploadUrl)
    {
        var context = Context(await CloseAndGetOfferAsync());
        var before = _connector.Messages.Count;

        var response = await AnswerAsync("accept", context, TeamsActivities.UploadInfo(uploadUrl, FileName));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_uploads.Requests);
        var table = (string)Assert.Single(_connector.Messages.Skip(before))["text"]!;
        Assert.StartsWith("Filen kunne ikke lagres i OneDrive", table);
        Assert.DoesNotContain(_connector.Messages.Skip(before), m => m["attachments"] is not null);
        Assert.DoesNotContain("tempauth", _logs.AllText);
        Assert.DoesNotContain("/up/session-1", _logs.AllText);
    }

    [Fact]
    public async Task A_reachable_upload_url_on_a_host_that_is_not_allowed_gets_no_request()
    {
        // The same loopback upload session that works when loopback http is allowed for tests; here it is not.
        await using var strict = await RoundHarness.StartAsync(azurite, _connector, settings: new Dictionary<string, string?> { ["FileUpload:AllowLoopbackHttp"] = "false" });
        await strict.SayAsync(Start);
        var context = Context((await strict.SayAsync("avslutt runden", replies: 2))[1]);
        var before = _connector.Messages.Count;

        var response = await strict.Http.PostAsync(TeamsActivities.FileConsent(_connector.ServiceUrl, "accept", context, ConsentCardId,
            TeamsActivities.UploadInfo(_uploads.SessionUrl(), FileName)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_uploads.Requests);
        Assert.StartsWith("Filen kunne ikke lagres i OneDrive", (string)Assert.Single(_connector.Messages.Skip(before))["text"]!);
    }

    [Fact]
    public async Task Someone_who_does_not_coordinate_the_plan_gets_neither_the_file_nor_the_table_but_a_sentence_saying_why()
    {
        var context = Context(await CloseAndGetOfferAsync());
        var before = _connector.Messages.Count;

        var accepted = await AnswerAsync("accept", context, TeamsActivities.UploadInfo(_uploads.SessionUrl(), FileName), from: TestUser.Ola);
        var declined = await AnswerAsync("decline", context, from: TestUser.Ola);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (accepted.StatusCode, declined.StatusCode));
        Assert.Empty(_uploads.Requests);
        Assert.All(_connector.Messages.Skip(before), m =>
            Assert.Equal("Bare koordinatorer for planen kan hente eksporten fra statusrunden, så ingenting ble lagret.", (string?)m["text"]));
        Assert.Equal(2, _connector.Messages.Count - before);
        Assert.DoesNotContain(_connector.Requests, r => r.Operation == ConnectorOperation.UpdateActivity);
    }

    [Fact]
    public async Task A_file_consent_for_an_unknown_round_an_open_round_or_no_known_file_uploads_nothing_and_says_why()
    {
        var upload = TeamsActivities.UploadInfo(_uploads.SessionUrl(), FileName);
        await _bot.SayAsync(Start);
        var open = await _bot.OpenRoundAsync();

        Assert.Equal("Jeg finner ikke statusrunden denne filen hører til, så ingenting ble lagret.",
            await AnswerTextAsync("accept", RoundContext(RoundHarness.PlanId, "20261207T110000-ffffff"), upload));
        Assert.Equal("Jeg finner ikke statusrunden denne filen hører til, så ingenting ble lagret.",
            await AnswerTextAsync("accept", new JsonObject { ["kind"] = "round-export", ["planId"] = "25-juni" }, upload));
        Assert.Equal("Statusrunden er ikke avsluttet ennå, så det er ingen eksport å lagre.",
            await AnswerTextAsync("accept", RoundContext(open.PlanId, open.Id), upload));
        Assert.Equal("Jeg kjenner ikke igjen den filen – kortet kan være fra en eldre versjon. Ingenting ble lagret.",
            await AnswerTextAsync("decline", new JsonObject { ["kind"] = "something-else" }));
        Assert.Equal("I don't recognise that file – the card may be from an older version. Nothing was saved.",
            await AnswerTextAsync("accept", JsonValue.Create("round-export"), upload, locale: "en-GB"));
        Assert.Empty(_uploads.Requests);
        Assert.True((await _bot.OpenRoundAsync()).IsOpen);
    }

    [Theory]
    [InlineData("\"accept\"")]
    [InlineData("{\"action\":\"maybe\",\"context\":{}}")]
    [InlineData("{\"action\":\"accept\",\"context\":{}}")]
    [InlineData("{\"action\":\"accept\",\"context\":{},\"uploadInfo\":{\"name\":\"x.md\"}}")]
    [InlineData("{\"action\":7}")]
    [InlineData("null")]
    public async Task A_malformed_file_consent_is_answered_400_with_the_rule_and_nothing_is_uploaded_or_sent(string value)
    {
        var before = _connector.Requests.Count;
        var activity = TeamsActivities.FileConsent(_connector.ServiceUrl, "accept", null, ConsentCardId);
        activity["value"] = JsonNode.Parse(value);

        var response = await _bot.Http.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("BadRequest", (string?)body["code"]);
        Assert.Contains("action must be accept (with uploadInfo.uploadUrl) or decline", (string)body["message"]!);
        Assert.Empty(_uploads.Requests);
        Assert.Equal(before, _connector.Requests.Count);
    }

    [Fact]
    public async Task The_deadline_close_of_a_round_started_in_a_group_chat_sends_the_table_there()
    {
        const string groupChat = "19:kari-gruppe@thread.v2";
        await _bot.SayAsync(Start, conversationId: groupChat, conversationType: "groupChat");
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 19, 9, 0, 0, TimeSpan.Zero));
        var before = _bot.MessagesTo(groupChat).Count;

        await _bot.PollAsync();

        var closing = _bot.MessagesTo(groupChat).Skip(before).ToList();
        Assert.Equal(2, closing.Count);
        Assert.Contains("| Tiltak | Status | Merknad |", (string)closing[1]["text"]!);
        Assert.Null(closing[1]["attachments"]);
    }

    /// <summary>Starts the round and closes it in Kari's personal chat; the message after the summary.</summary>
    private async Task<JsonObject> CloseAndGetOfferAsync()
    {
        await _bot.SayAsync(Start);
        var replies = await _bot.SayAsync("avslutt runden", replies: 2);
        return replies[1];
    }

    private static JsonNode Context(JsonObject offer) => offer["attachments"]![0]!["content"]!["acceptContext"]!;

    private static JsonObject RoundContext(string planId, string roundId) =>
        new() { ["kind"] = "round-export", ["planId"] = planId, ["roundId"] = roundId };

    /// <summary>The plan's table as the export command prints it, in UTF-8: what the file must hold.</summary>
    private byte[] ExpectedBytes()
    {
        var snapshot = _bot.App.Get<MeasureIndex>().Current;
        return Encoding.UTF8.GetBytes(PlanExporter.ToMarkdown(snapshot.Plans[RoundHarness.PlanId],
            snapshot.Measures.Values.Where(m => m.PlanId == RoundHarness.PlanId)));
    }

    private Task<HttpResponseMessage> AnswerAsync(string action, JsonNode? context, JsonObject? uploadInfo = null, TestUser? from = null, string locale = "nb-NO") =>
        _bot.Http.PostAsync(TeamsActivities.FileConsent(_connector.ServiceUrl, action, context, ConsentCardId, uploadInfo, locale: locale, from: from ?? TestUser.Kari));

    /// <summary>Answers a consent card and returns the one message the bot sent in reply (the invoke answered 200).</summary>
    private async Task<string> AnswerTextAsync(string action, JsonNode? context, JsonObject? uploadInfo = null, string locale = "nb-NO")
    {
        var before = _connector.Messages.Count;
        var response = await AnswerAsync(action, context, uploadInfo, locale: locale);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)Assert.Single(_connector.Messages.Skip(before))["text"]!;
    }
}
