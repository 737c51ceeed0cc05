using System.Text.Json;
using System.Text.Json.Serialization;

namespace TeamsBot.BotFramework.Schema;

/// <summary>
/// Asks the user in personal chat for leave to put a file in their OneDrive (Microsoft.Bot.Schema.Teams.FileConsentCard).
/// The attachment's name is the file name; the user's answer comes back as a fileConsent/invoke carrying the context.
/// </summary>
public sealed record FileConsentCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.consent";

    /// <summary>What the file is, shown on the card.</summary>
    public string? Description { get; set; }

    /// <summary>An estimate of the file's size, shown to the user.</summary>
    public long? SizeInBytes { get; set; }

    /// <summary>Sent back silently when the user accepts.</summary>
    public object? AcceptContext { get; set; }

    /// <summary>Sent back silently when the user declines.</summary>
    public object? DeclineContext { get; set; }

    public Attachment ToAttachment(string fileName) => new() { ContentType = ContentType, Name = fileName, Content = this };
}

/// <summary>
/// A file in the user's OneDrive shown as a card (Microsoft.Bot.Schema.Teams.FileInfoCard): the attachment's
/// contentUrl and name come from the upload's <see cref="FileUploadInfo"/>.
/// </summary>
public sealed record FileInfoCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>The OneDrive or SharePoint drive item id.</summary>
    public string? UniqueId { get; set; }

    /// <summary>The file's type, e.g. "md" or "pdf".</summary>
    public string? FileType { get; set; }

    public JsonElement? Etag { get; set; }

    /// <summary>The card for an uploaded file, as the attachment Teams expects.</summary>
    public static Attachment ToAttachment(FileUploadInfo upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return new Attachment
        {
            ContentType = ContentType,
            ContentUrl = upload.ContentUrl,
            Name = upload.Name,
            Content = new FileInfoCard { UniqueId = upload.UniqueId, FileType = upload.FileType },
        };
    }
}

/// <summary>The value of a fileConsent/invoke: the user's answer to a <see cref="FileConsentCard"/>.</summary>
public sealed record FileConsentCardResponse
{
    /// <summary><see cref="FileConsentActions.Accept"/> or <see cref="FileConsentActions.Decline"/>.</summary>
    public string? Action { get; set; }

    /// <summary>The card's acceptContext or declineContext, as the bot sent it (never to be trusted: the client sends it).</summary>
    public JsonElement? Context { get; set; }

    /// <summary>Where to put the bytes (on accept).</summary>
    public FileUploadInfo? UploadInfo { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>Values of <see cref="FileConsentCardResponse.Action"/>.</summary>
public static class FileConsentActions
{
    public const string Accept = "accept";
    public const string Decline = "decline";
}

/// <summary>
/// Where an accepted file goes: <see cref="UploadUrl"/> is a OneDrive upload session (PUT the bytes with Content-Range),
/// <see cref="ContentUrl"/> the file's address afterwards.
/// </summary>
public sealed record FileUploadInfo
{
    /// <summary>The file's name in OneDrive (Teams may have changed it, e.g. when the name was taken).</summary>
    public string? Name { get; set; }

    public string? UploadUrl { get; set; }
    public string? ContentUrl { get; set; }
    public string? UniqueId { get; set; }
    public string? FileType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
