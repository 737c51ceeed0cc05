namespace TeamsBot.Tables.Internal;

/// <summary>OData type names the Table service uses in "Name@odata.type" annotations.</summary>
internal static class EdmType
{
    public const string AnnotationSuffix = "@odata.type";
    public const string Int64 = "Edm.Int64";
    public const string Int32 = "Edm.Int32";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string Boolean = "Edm.Boolean";
    public const string String = "Edm.String";
}
