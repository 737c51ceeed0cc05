using System.Text.Json.Serialization;

namespace TeamsBot.Cards;

/// <summary>
/// Universal Actions refresh: Teams invokes <see cref="Action"/> when a user in <see cref="UserIds"/> views the card.
/// <see cref="UserIds"/> (at most 60 MRIs, "29:…"/"8:orgid:…"): null = omitted, Teams then refreshes automatically for
/// everyone only in conversations of up to 60 members; an empty list = no automatic refresh (users get a manual
/// "Refresh card" menu item).
/// </summary>
public sealed class AdaptiveRefresh
{
    public AdaptiveRefresh() { }

    public AdaptiveRefresh(AdaptiveExecuteAction action, IEnumerable<string>? userIds = null)
    {
        Action = action;
        UserIds = userIds?.ToList();
        if (UserIds?.Count > MaxUserIds)
            throw new ArgumentException($"Teams refreshes a card for at most {MaxUserIds} user ids.", nameof(userIds));
    }

    public const int MaxUserIds = 60;

    [JsonIgnore]
    public AdaptiveExecuteAction? Action { get; set; }

    // Declared as the polymorphic base so that "type": "Action.Execute" is written.
    [JsonInclude, JsonPropertyName("action")]
    private AdaptiveAction? SerializedAction => Action;

    [SerializeWhenEmpty]
    public List<string>? UserIds { get; set; }
}
