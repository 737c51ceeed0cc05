using TeamsBot.Access;
using TeamsBot.Bot;
using TeamsBot.Cards;
using TeamsBot.Localization;
using TeamsBot.Measures;
using TeamsBot.Measures.Cards;

namespace TeamsBot.Updates;

/// <summary>Who sees a measure card, where, and what to say above it.</summary>
public sealed record CardViewer(BotUser User, UserLanguage Language, DateOnly Today, string ConversationType);

/// <summary>
/// The measure card as this feature sends it: <see cref="MeasureCard"/> with a refresh clause (so viewers see the
/// current state), the edit button only for those who may edit, an optional notice on top, and Action.Submit
/// fallbacks on its buttons.
/// </summary>
/// <remarks>
/// Refresh userIds: in a personal chat none are listed (the one member refreshes). In group chats and channels the
/// card lists the people who act on the measure — the viewer, the plan's coordinators and the measure's owners whose
/// Teams ids the Roles table knows — at most 60; Teams' rule is 60, and listing them keeps refresh working in channels
/// larger than that. With no roles (development) the list is left out, so Teams refreshes for everyone in
/// conversations of up to 60 members.
/// </remarks>
public sealed class MeasureCards(EditAuthorization authorization)
{
    public async Task<AdaptiveCard> BuildAsync(Measure measure, Plan plan, CardViewer viewer, HistoryEntry? lastChange, string? notice, CancellationToken ct)
    {
        var canEdit = await authorization.DecideAsync(viewer.User, measure, ct, logRefusal: false) == EditDecision.Allowed;
        var refresh = MeasureActions.RefreshFor(measure, await RefreshUsersAsync(measure, viewer, ct));
        var view = new MeasureView(viewer.Language, viewer.Today, lastChange, canEdit, notice);
        return SubmitFallbacks.AddTo(MeasureCard.Build(measure, plan, view, refresh));
    }

    private async Task<IReadOnlyList<string>?> RefreshUsersAsync(Measure measure, CardViewer viewer, CancellationToken ct)
    {
        if (string.Equals(viewer.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)) return null;
        var caretakers = await authorization.CaretakersAsync(measure, ct);
        if (caretakers.Count == 0 && await authorization.IsDevelopmentModeAsync(ct)) return null;
        return [.. new[] { viewer.User.Id }.Concat(caretakers)
            .Where(id => !string.IsNullOrEmpty(id))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(AdaptiveRefresh.MaxUserIds)];
    }
}
