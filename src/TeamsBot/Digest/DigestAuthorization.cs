using Microsoft.Extensions.Options;
using TeamsBot.Bot;

namespace TeamsBot.Digest;

/// <summary>"Roles" configuration: the coordinators' Entra object ids.</summary>
public sealed class DigestRolesOptions
{
    public const string Section = "Roles";

    public List<string> Coordinators { get; set; } = [];
}

/// <summary>
/// Who may change a channel's brief. With no coordinators configured (development) everyone may; otherwise only the
/// listed Entra object ids. Small on purpose: a Roles table can replace it behind the same method.
/// </summary>
public sealed class DigestAuthorization(IOptionsMonitor<DigestRolesOptions> options)
{
    public bool IsCoordinator(BotUser user)
    {
        var coordinators = options.CurrentValue.Coordinators;
        if (coordinators.Count == 0) return true;
        return user.AadObjectId is { Length: > 0 } id && coordinators.Contains(id, StringComparer.OrdinalIgnoreCase);
    }
}
