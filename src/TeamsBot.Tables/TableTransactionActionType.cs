namespace TeamsBot.Tables;

public enum TableTransactionActionType
{
    /// <summary>Insert; fails with EntityAlreadyExists if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity (If-Match).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (If-Match).</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity (If-Match).</summary>
    Delete,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,
}
