namespace TeamsBot.Tables;

public enum TableUpdateMode
{
    /// <summary>Keep properties the request does not name.</summary>
    Merge,

    /// <summary>Drop properties the request does not name.</summary>
    Replace,
}
