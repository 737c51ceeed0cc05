namespace TeamsBot.Localization;

public enum UserLanguage
{
    Bokmal,
    English,
}

public static class UserLanguages
{
    /// <summary>English for en-* locales, bokmål for everything else (the organisation's language).</summary>
    public static UserLanguage FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? UserLanguage.English : UserLanguage.Bokmal;
}
