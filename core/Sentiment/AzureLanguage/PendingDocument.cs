namespace SupportBot.Core.Sentiment.AzureLanguage;

/// <summary>A text waiting for Azure: its position in the caller's list and the text as it will be sent.</summary>
internal readonly record struct PendingDocument(int Index, string Text);
