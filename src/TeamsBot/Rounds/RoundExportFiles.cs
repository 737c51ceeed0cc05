using TeamsBot.Access;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Connector;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Files;
using TeamsBot.Localization;
using TeamsBot.Measures;

namespace TeamsBot.Rounds;

/// <summary>
/// The coordinator's answer to the round export's file-consent card. The card's context is the client's word, so the
/// round must exist and be closed and the user must coordinate its plan before anything is built or sent. Accepted:
/// the file is PUT to the upload session and shown as a file card; declined, or the upload failed or was refused:
/// the table comes as a message. Either way the consent card is replaced by a line saying what became of it.
/// </summary>
public sealed class RoundExportFiles(
    RoundStore rounds,
    MeasureIndex index,
    CoordinatorAuthorization coordinators,
    FileUploader uploader,
    ILogger<RoundExportFiles> logger) : IFileConsentHandler
{
    public string Kind => RoundExport.FileKind;

    public async Task AcceptAsync(ITurnContext turn, FileConsent consent, CancellationToken ct)
    {
        if (await ExportForAsync(turn, consent, ct) is not (var export, var t)) return;
        var upload = consent.Upload!;
        var result = await uploader.UploadAsync(upload.UploadUrl ?? "", export.Bytes(), ct);
        if (result == FileUploadResult.Uploaded)
        {
            logger.LogInformation("The export of round {RoundId} on {PlanId} was saved as a file", export.Round.Id, export.Round.PlanId);
            await turn.SendActivityAsync(new Activity(ActivityTypes.Message) { Attachments = [FileInfoCard.ToAttachment(upload)] }, ct);
            await ReplaceConsentCardAsync(turn, consent, t.FileSaved(upload.Name ?? export.FileName), ct);
            return;
        }
        logger.LogWarning("The export of round {RoundId} on {PlanId} could not be saved as a file ({Result}); the table is sent instead",
            export.Round.Id, export.Round.PlanId, result);
        await turn.SendActivityAsync(export.Table(t.FileNotSaved), ct);
        await ReplaceConsentCardAsync(turn, consent, t.ExportSentAsTable, ct);
    }

    public async Task DeclineAsync(ITurnContext turn, FileConsent consent, CancellationToken ct)
    {
        if (await ExportForAsync(turn, consent, ct) is not (var export, var t)) return;
        await turn.SendActivityAsync(export.Table(t.FileDeclined), ct);
        await ReplaceConsentCardAsync(turn, consent, t.ExportSentAsTable, ct);
    }

    /// <summary>The export the card is about, in the user's language; null when the user has been told why there is none for them.</summary>
    private async Task<(RoundExport Export, RoundTexts Texts)?> ExportForAsync(ITurnContext turn, FileConsent consent, CancellationToken ct)
    {
        var planId = consent.Context.GetValueOrDefault(RoundExport.PlanIdKey);
        var roundId = consent.Context.GetValueOrDefault(RoundExport.RoundIdKey);
        var round = planId is null || roundId is null ? null : await rounds.GetAsync(planId, roundId, ct);
        var t = RoundTexts.For(consent.Language ?? round?.Language ?? UserLanguage.Bokmal);
        string refusal;
        if (round is null) refusal = t.FileRoundUnknown;
        else if (round.IsOpen) refusal = t.FileRoundOpen;
        else if (!await coordinators.IsCoordinatorOfAsync(consent.User, round.PlanId, ct)) refusal = t.FileCoordinatorsOnly;
        else if (RoundExport.Of(round, index.Current) is { } export) return (export, t);
        else refusal = t.FileRoundUnknown;

        logger.LogWarning("A round export's file consent in conversation {ConversationId} was refused: {Reason}", turn.Activity.Conversation?.Id,
            round is null ? "no such round" : round.IsOpen ? "the round is open" : "not a coordinator of the plan, or the plan is gone");
        await turn.SendActivityAsync(refusal, ct);
        return null;
    }

    /// <summary>Once answered the card has done its job; a connector that refuses the update leaves it, which is harmless.</summary>
    private static async Task ReplaceConsentCardAsync(ITurnContext turn, FileConsent consent, string text, CancellationToken ct)
    {
        if (consent.ConsentActivityId is not { Length: > 0 } id) return;
        try
        {
            await turn.UpdateActivityAsync(new Activity(ActivityTypes.Message) { Id = id, Text = text }, ct);
        }
        catch (ConnectorException e)
        {
            turn.Logger.LogWarning(e, "Could not replace the file-consent card {ActivityId}", id);
        }
    }
}
