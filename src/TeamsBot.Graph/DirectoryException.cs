namespace TeamsBot.Graph;

/// <summary>
/// Graph refused or failed a directory call. For 403, RequiredPermission names the application permission to grant
/// (as Graph reported it, or the one this call is documented to need).
/// </summary>
public sealed class DirectoryException(string message, int? statusCode, string? graphErrorCode, string? requiredPermission, Exception? inner = null)
    : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
    public string? GraphErrorCode { get; } = graphErrorCode;
    public string? RequiredPermission { get; } = requiredPermission;
}
