using TeamsBot.Chat.Understanding;
using TeamsBot.Measures;

namespace TeamsBot.Chat.Memory;

/// <summary>
/// What a conversation was last shown, so a follow-up can refer to it: the parsed query of the last list (never the
/// message), the measures shown (ids, not text) and the page. Expires a short while after the answer.
/// </summary>
public sealed record ConversationContext(Question? LastQuery, IReadOnlyList<MeasureKey> Shown, int Page, DateTimeOffset ExpiresAt);
