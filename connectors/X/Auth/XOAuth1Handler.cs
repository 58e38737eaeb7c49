using System.Security.Cryptography;

namespace SupportBot.Connectors.X.Auth;

/// <summary>Signs every attempt with OAuth 1.0a (a new nonce and timestamp each time).</summary>
internal sealed class XOAuth1Handler(XOptions options, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>();
        if (request.Content is FormUrlEncodedContent content)
        {
            var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            form.AddRange(OAuth1Signer.QueryOf(new Uri("http://form/?" + body)));
        }

        var header = OAuth1Signer.AuthorizationHeader(
            request.Method, request.RequestUri!, form,
            options.ConsumerKey!, options.ConsumerSecret!, options.AccessToken!, options.AccessTokenSecret!,
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), timeProvider.GetUtcNow().ToUnixTimeSeconds());
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
