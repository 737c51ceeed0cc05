namespace TeamsBot.BotFramework;
internal static class AssemblyMarker;
