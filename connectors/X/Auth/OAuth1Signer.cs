using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Connectors.X.Auth;

/// <summary>
/// OAuth 1.0a request signing, HMAC-SHA1 (RFC 5849 §3.4): the signature base string is the method, the
/// base URL and the sorted, percent-encoded oauth and query parameters (and form fields; a JSON body is
/// not part of it), keyed with the consumer secret and the token secret.
/// </summary>
internal static class OAuth1Signer
{
    public static string AuthorizationHeader(
        HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>> formFields,
        string consumerKey, string consumerSecret, string token, string tokenSecret, string nonce, long timestamp)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = consumerKey,
            ["oauth_nonce"] = nonce,
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oauth_token"] = token,
            ["oauth_version"] = "1.0",
        };
        var signature = Sign(method, uri, oauth.Concat(QueryOf(uri)).Concat(formFields), consumerSecret, tokenSecret);
        oauth["oauth_signature"] = signature;
        return "OAuth " + string.Join(", ", oauth.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    /// <summary>The base64 HMAC-SHA1 signature of the request.</summary>
    public static string Sign(HttpMethod method, Uri uri, IEnumerable<KeyValuePair<string, string>> parameters, string consumerSecret, string tokenSecret)
    {
        var normalized = string.Join('&', parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
        var baseUrl = uri.GetLeftPart(UriPartial.Path);
        var baseString = $"{method.Method.ToUpperInvariant()}&{Encode(baseUrl)}&{Encode(normalized)}";
        var key = Encoding.ASCII.GetBytes(Encode(consumerSecret) + "&" + Encode(tokenSecret));
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.ASCII.GetBytes(baseString)));
    }

    /// <summary>RFC 3986 percent-encoding: everything but unreserved characters, UTF-8, upper-case hex.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The query's parameters, decoded.</summary>
    public static IEnumerable<KeyValuePair<string, string>> QueryOf(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            yield break;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = at < 0 ? pair : pair[..at];
            var value = at < 0 ? string.Empty : pair[(at + 1)..];
            yield return new(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' ')));
        }
    }
}
