namespace TeamsBot.Cards;
internal static class AssemblyMarker;
