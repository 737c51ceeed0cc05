namespace TeamsBot.Testing;

/// <summary>Tells the Bot Connector operation and its ids from a request's method and encoded target.</summary>
internal static class ConnectorRoute
{
    /// <summary>Parses <paramref name="rawTarget"/> below <paramref name="basePath"/> (e.g. "/teams/").</summary>
    public static (ConnectorOperation Operation, string Path, string? ConversationId, string? ActivityId) Parse(string method, string rawTarget, string basePath)
    {
        var pathPart = rawTarget.Split('?', 2)[0];
        var relative = pathPart.StartsWith(basePath, StringComparison.Ordinal) ? pathPart[basePath.Length..] : pathPart.TrimStart('/');
        var segments = relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var path = "/" + string.Join('/', segments);
        if (segments is not ["v3", ..]) return (ConnectorOperation.Unknown, path, null, null);

        var operation = (method, segments[1..]) switch
        {
            ("POST", ["conversations"]) => ConnectorOperation.CreateConversation,
            ("POST", ["conversations", _, "activities"]) => ConnectorOperation.SendToConversation,
            ("POST", ["conversations", _, "activities", _]) => ConnectorOperation.ReplyToActivity,
            ("PUT", ["conversations", _, "activities", _]) => ConnectorOperation.UpdateActivity,
            ("DELETE", ["conversations", _, "activities", _]) => ConnectorOperation.DeleteActivity,
            ("GET", ["conversations", _, "pagedmembers"]) => ConnectorOperation.GetPagedMembers,
            ("GET", ["teams", _, "conversations"]) => ConnectorOperation.GetTeamChannels,
            _ => ConnectorOperation.Unknown,
        };
        var conversationId = segments.Length > 2 && segments[1] == "conversations" ? segments[2] : null;
        var activityId = segments.Length > 4 && segments[3] == "activities" ? segments[4] : null;
        return (operation, path, conversationId, activityId);
    }
}
