using System.Text.Json;
using MimeKit;
using SupportBot.Connectors.Email.Client;
using SupportBot.Connectors.Email.Mime;
using SupportBot.Core.Schema;
using SupportBot.Connectors.Email.Threading;
using SupportBot.Core.Storage;

namespace SupportBot.Connectors.Email;

/// <summary>
/// Turns an inbound mail into the customer's message activity: the text they wrote this time (quoted
/// history and signature stripped) for the dialog, and in <c>channelData</c> the subject, the threading
/// ids and the full text as the client sent it, so the transcript keeps everything; attachments go along
/// as <c>data:</c> URLs.
/// </summary>
internal static class EmailActivityMapper
{
    /// <summary>The activity id of a mail: derived from its Message-ID, so a mail read twice is one turn.</summary>
    public static string ActivityIdOf(string messageId) => "mail-" + EmailStore.Digest(messageId);

    public static Activity ToActivity(MimeMessage message, string messageId, string conversationId, EmailOptions options, DateTimeOffset receivedAt)
    {
        var from = message.From.Mailboxes.First();
        var full = MailText.Full(message);
        var channelData = new EmailChannelData(
            SubjectOf(message),
            messageId,
            message.InReplyTo,
            message.References.ToList(),
            full);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = ActivityIdOf(messageId),
            ChannelId = EmailOptions.ChannelId,
            Timestamp = receivedAt,
            LocalTimestamp = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            From = new ChannelAccount(from.Address.ToLowerInvariant(), string.IsNullOrWhiteSpace(from.Name) ? null : from.Name, RoleTypes.User),
            Recipient = new ChannelAccount(options.SupportAddress.ToLowerInvariant(), options.SupportName, RoleTypes.Bot),
            Conversation = new ConversationAccount(conversationId),
            TextFormat = "plain",
            Text = MailText.ForDialog(message),
            Attachments = AttachmentsOf(message),
            ChannelData = JsonSerializer.SerializeToElement(channelData, EmailJsonContext.Default.EmailChannelData),
        };
    }

    /// <summary>The subject, or a placeholder when the mail has none.</summary>
    public static string SubjectOf(MimeMessage message) =>
        string.IsNullOrWhiteSpace(message.Subject) ? "Your message" : message.Subject.Trim();

    /// <summary>Where the customer wants answers: Reply-To when set, else From.</summary>
    public static MailboxAddress ReplyTarget(MimeMessage message) =>
        message.ReplyTo.Mailboxes.FirstOrDefault() ?? message.From.Mailboxes.First();

    private static List<Attachment>? AttachmentsOf(MimeMessage message)
    {
        var list = new List<Attachment>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var buffer = new MemoryStream();
            part.Content?.DecodeTo(buffer);
            var type = part.ContentType.MimeType;
            list.Add(new Attachment
            {
                ContentType = type,
                Name = part.FileName,
                ContentUrl = $"data:{type};base64,{Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length)}",
            });
        }

        return list.Count > 0 ? list : null;
    }
}
