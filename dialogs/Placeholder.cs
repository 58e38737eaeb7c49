namespace SupportBot.Dialogs; internal static class Placeholder;
