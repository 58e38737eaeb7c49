using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SupportBot.Connectors.DirectLine.Client;
using SupportBot.Connectors.DirectLine.Conversations;
using SupportBot.Connectors.DirectLine.Tokens;
using SupportBot.Core.Schema;
using static SupportBot.Connectors.DirectLine.Endpoints.DirectLineHttp;

namespace SupportBot.Connectors.DirectLine.Endpoints;

/// <summary>
/// <c>POST /conversations/{id}/upload</c>: a multipart body with an <c>activity</c> part and <c>file</c>
/// parts (PROTOCOLS.md §1). The files are stored, become the activity's attachments (fetched through
/// <c>GET /conversations/{id}/attachments/{attachmentId}</c>) and the activity is posted as usual.
/// </summary>
internal static class UploadEndpoints
{
    private const string ActivityPart = "activity";

    public static async Task<IResult> UploadAsync(
        HttpContext context, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations,
        DirectLineAttachments attachments, DirectLineConnector connector, IOptions<DirectLineOptions> options)
    {
        var (caller, error) = await AuthorizeAsync(context, tokens, conversationId).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (await conversations.FindAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return Error(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "The conversation does not exist.");
        }

        // Room for the activity part and the multipart framing on top of the files.
        var limit = options.Value.MaxUploadBytes + (4L * ActivityJson.MaxActivityChars);
        if (context.Request.ContentLength > limit)
        {
            return TooBig(context, options.Value);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (!context.Request.HasFormContentType)
        {
            return Error(context, StatusCodes.Status400BadRequest, ErrorCodes.BadArgument, "The upload must be multipart/form-data.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooBig(context, options.Value);
        }
        catch (InvalidDataException)
        {
            return TooBig(context, options.Value);
        }

        var files = form.Files.Where(f => f.Name != ActivityPart).ToList();
        if (files.Sum(f => f.Length) > options.Value.MaxUploadBytes)
        {
            return TooBig(context, options.Value);
        }

        Activity posted;
        try
        {
            posted = ActivityJson.Deserialize(await ActivityTextAsync(form, context.RequestAborted).ConfigureAwait(false));
        }
        catch (InvalidActivityException ex)
        {
            return Error(context, StatusCodes.Status400BadRequest, ex.Code, ex.Message);
        }

        var stored = new List<Attachment>(posted.Attachments ?? []);
        foreach (var file in files)
        {
            using var data = new MemoryStream();
            await file.CopyToAsync(data, context.RequestAborted).ConfigureAwait(false);
            var contentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType;
            var id = await attachments.SaveAsync(conversationId, new StoredAttachment(contentType, file.FileName, data.ToArray()), context.RequestAborted).ConfigureAwait(false);
            stored.Add(new Attachment
            {
                ContentType = contentType,
                Name = file.FileName,
                ContentUrl = $"{ServiceUrl(context.Request)}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/attachments/{id}",
            });
        }

        posted.Attachments = stored;
        return await ActivityEndpoints.PostActivityAsync(context, posted, caller!, conversationId, connector).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>GET /conversations/{id}/attachments/{attachmentId}</c>: the stored file. Images are shown inline;
    /// anything else downloads, so an uploaded page never runs in our origin.
    /// </summary>
    public static async Task<IResult> DownloadAsync(HttpContext context, string conversationId, string attachmentId, DirectLineAttachments attachments)
    {
        var file = await attachments.FindAsync(conversationId, attachmentId, context.RequestAborted).ConfigureAwait(false);
        if (file is null)
        {
            return Error(context, StatusCodes.Status404NotFound, ErrorCodes.NotFound, "No such attachment.");
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        var image = file.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !file.ContentType.Contains("svg", StringComparison.OrdinalIgnoreCase);
        return image
            ? TypedResults.Bytes(file.Data, file.ContentType)
            : TypedResults.Bytes(file.Data, "application/octet-stream", file.Name ?? "attachment");
    }

    private static async Task<string> ActivityTextAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(ActivityPart) is { } part)
        {
            using var reader = new StreamReader(part.OpenReadStream());
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        return form.TryGetValue(ActivityPart, out var text) && text.ToString() is { Length: > 0 } json
            ? json
            : throw new InvalidActivityException(ErrorCodes.BadArgument, "The upload has no 'activity' part.");
    }

    private static IResult TooBig(HttpContext context, DirectLineOptions options) => Error(context,
        StatusCodes.Status413PayloadTooLarge, ErrorCodes.MessageSizeTooBig, $"The upload is larger than {options.MaxUploadBytes} bytes.");
}
