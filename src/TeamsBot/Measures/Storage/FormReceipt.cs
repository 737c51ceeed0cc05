namespace TeamsBot.Measures.Storage;

/// <summary>
/// Written with a form's change: the form id makes the change apply at most once (a second receipt for the same form
/// cannot be added), and the author's ids go on the history row beside the display name.
/// </summary>
public sealed record FormReceipt(string FormId, string ByTeamsId, string? ByAadObjectId);
