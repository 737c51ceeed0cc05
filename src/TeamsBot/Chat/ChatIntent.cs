namespace TeamsBot.Chat;

public enum ChatIntent
{
    Unknown,
    Help,
    Plans,
}
