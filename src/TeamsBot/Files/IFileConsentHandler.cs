using TeamsBot.Bot;
using TeamsBot.BotFramework;
using TeamsBot.BotFramework.Schema;
using TeamsBot.Localization;

namespace TeamsBot.Files;

/// <summary>
/// The user's answer to one of our file-consent cards. <see cref="Context"/> is what the card carried (see
/// <see cref="FileConsentOffer"/>), sent back by the client: check everything in it. <see cref="ConsentActivityId"/>
/// is the consent card's message, to be replaced once it is answered.
/// </summary>
public sealed record FileConsent(
    IReadOnlyDictionary<string, string> Context,
    FileUploadInfo? Upload,
    BotUser User,
    UserLanguage? Language,
    string? ConsentActivityId);

/// <summary>Answers the file-consent cards of one <see cref="Kind"/> of file.</summary>
public interface IFileConsentHandler
{
    /// <summary>The kind in the card's context (<see cref="FileConsentOffer.KindKey"/>).</summary>
    string Kind { get; }

    /// <summary>The user allowed the file; <see cref="FileConsent.Upload"/> says where to put it.</summary>
    Task AcceptAsync(ITurnContext turn, FileConsent consent, CancellationToken ct);

    Task DeclineAsync(ITurnContext turn, FileConsent consent, CancellationToken ct);
}
