namespace SupportBot.Connectors.Console; internal static class Placeholder;
