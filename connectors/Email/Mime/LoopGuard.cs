using MimeKit;

namespace SupportBot.Connectors.Email.Mime;

/// <summary>
/// Mail the bot must never answer automatically (PROTOCOLS.md §5, RFC 3834 and what help desks do):
/// auto-replies, bounces and delivery reports, list and bulk mail, and mail from the support address
/// itself. Answers the reason, or null when a reply is allowed.
/// </summary>
internal static class LoopGuard
{
    public static string? ReasonNotToAnswer(MimeMessage message, string supportAddress)
    {
        var headers = message.Headers;
        if (headers["Auto-Submitted"] is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "auto-submitted";
        }

        if (headers["X-Autoreply"] is { } autoreply && autoreply.Trim().Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return "x-autoreply";
        }

        if (headers.Contains("X-Autorespond") || headers.Contains("X-Auto-Response-Suppress"))
        {
            return "auto-response-suppressed";
        }

        if (headers["Precedence"] is { } precedence && precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list")
        {
            return "precedence-" + precedence.Trim().ToLowerInvariant();
        }

        if (headers.Contains(HeaderId.ListId) || headers.Contains("List-Unsubscribe"))
        {
            return "mailing-list";
        }

        if (message.Body is MultipartReport || message.Body?.ContentType.IsMimeType("multipart", "report") == true)
        {
            return "delivery-report";
        }

        // A bounce has an empty envelope sender (Return-Path: <>), or comes from the mail system itself.
        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() is "<>" or "")
        {
            return "null-sender";
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        var local = from?.LocalPart.ToLowerInvariant();
        if (local is "mailer-daemon" or "postmaster" or "noreply" or "no-reply" or "do-not-reply" or "donotreply")
        {
            return "system-sender";
        }

        if (from is not null && IsOwn(from.Address, supportAddress))
        {
            return "own-address";
        }

        return null;
    }

    /// <summary>The support address itself or one of its plus addresses.</summary>
    internal static bool IsOwn(string address, string supportAddress)
    {
        var at = address.LastIndexOf('@');
        var supportAt = supportAddress.LastIndexOf('@');
        if (at < 0 || supportAt < 0 || !address[at..].Equals(supportAddress[supportAt..], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var local = address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return (plus >= 0 ? local[..plus] : local).Equals(supportAddress[..supportAt], StringComparison.OrdinalIgnoreCase);
    }
}
