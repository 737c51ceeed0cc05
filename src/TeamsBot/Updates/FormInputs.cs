namespace TeamsBot.Updates;

/// <summary>The ids of the status-update form's inputs: the keys their values come back under.</summary>
public static class FormInputs
{
    public const string Status = "status";
    public const string Remark = "remark";
    public const string Deadline = "deadline";
    public const string Comment = "comment";
}
