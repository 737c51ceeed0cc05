namespace TeamsBot.BotFramework.Hosting;

/// <summary>
/// Why an inbound request was not taken: the HTTP status and a reason that names the field and the rule broken, never
/// the value (it is safe to log and to answer with).
/// </summary>
internal sealed record InboundRefusal(int Status, string Reason);
