using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using SupportBot.Bot.Tests.Infrastructure;

namespace SupportBot.Bot.Tests.Teams;

/// <summary>The Teams app package under teams/appPackage and its zip script (issue 6, point 3).</summary>
public sealed class AppPackageTests
{
    private const string AppId = "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    private static string PackageFolder => Path.Combine(RepoPaths.Root, "teams", "appPackage");

    [Fact]
    public void Manifest_AsksForChannelMessagesWithoutMention()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(PackageFolder, "manifest.json")));
        var root = manifest.RootElement;

        var permissions = root.GetProperty("authorization").GetProperty("permissions").GetProperty("resourceSpecific").EnumerateArray().ToList();
        Assert.Contains(permissions, p => p.GetProperty("name").GetString() == "ChannelMessage.Read.Group" && p.GetProperty("type").GetString() == "Application");
        var bot = Assert.Single(root.GetProperty("bots").EnumerateArray());
        Assert.Equal("{{MICROSOFT_APP_ID}}", bot.GetProperty("botId").GetString());
        Assert.Contains("team", bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("{{MICROSOFT_APP_ID}}", root.GetProperty("webApplicationInfo").GetProperty("id").GetString());
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_HaveTheSizesTeamsRequires(string file, int size)
    {
        var (width, height, colorType) = PngHeader(File.ReadAllBytes(Path.Combine(PackageFolder, file)));

        Assert.Equal((size, size), (width, height));
        Assert.Equal(6, colorType); // RGBA: the outline icon must be white on transparent
    }

    [Fact]
    public void Outline_IsWhiteOnTransparent()
    {
        var pixels = PngPixels(File.ReadAllBytes(Path.Combine(PackageFolder, "outline.png")), 32, 32);

        Assert.Contains(pixels, p => p.A == 0);
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.True(p.R == 255 && p.G == 255 && p.B == 255, $"outline pixel {p} is not white"));
    }

    [Fact]
    public async Task PackageScript_ZipsManifestWithTheAppIdAndIcons()
    {
        var output = Path.Combine(RepoPaths.NewTempFolder(), "app.zip");

        var (exit, stdout, stderr) = await RunAsync(Path.Combine(RepoPaths.Root, "teams", "package.sh"), AppId, output);

        Assert.True(exit == 0, stderr);
        Assert.Equal(output, stdout.Trim());
        using var zip = ZipFile.OpenRead(output);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = await reader.ReadToEndAsync();
        Assert.DoesNotContain("{{", manifest);
        using var json = JsonDocument.Parse(manifest);
        Assert.Equal(AppId, json.RootElement.GetProperty("id").GetString());
        Assert.Equal(AppId, json.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
    }

    [Fact]
    public async Task PackagedManifest_ValidAgainstMicrosoftTeamsSchema()
    {
        var folder = RepoPaths.NewTempFolder();
        var output = Path.Combine(folder, "app.zip");
        Assert.Equal(0, (await RunAsync(Path.Combine(RepoPaths.Root, "teams", "package.sh"), AppId, output)).Exit);
        ZipFile.ExtractToDirectory(output, Path.Combine(folder, "app"));

        var (schema, errors) = await ValidateManifestAsync(Path.Combine(folder, "app", "manifest.json"));

        Assert.EndsWith("teams/v1.17/MicrosoftTeams.schema.json", schema);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ManifestSchemaCheck_CanFail_PlaceholderIdsAreNotGuids()
    {
        var (_, errors) = await ValidateManifestAsync(Path.Combine(PackageFolder, "manifest.json"));

        Assert.Contains(errors, e => e.StartsWith("/bots/0/botId must match pattern", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/id must match pattern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PackageScript_BadAppId_Refused()
    {
        var (exit, _, stderr) = await RunAsync(Path.Combine(RepoPaths.Root, "teams", "package.sh"), "not-a-guid");

        Assert.Equal(2, exit);
        Assert.Contains("usage: teams/package.sh <microsoft-app-id>", stderr);
    }

    /// <summary>
    /// Runs cards/validate-manifest.js: Microsoft's published Teams manifest schema for the manifest's version (from
    /// the npm package @microsoft/app-manifest, installed by test.sh) checked with ajv.
    /// </summary>
    private static async Task<(string Schema, List<string> Errors)> ValidateManifestAsync(string manifest)
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "Bot.Tests", "Teams", "cards");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "app-manifest")))
        {
            throw new DirectoryNotFoundException("The Teams manifest schemas are missing: run ./test.sh (npm ci in tests/Bot.Tests/Teams/cards).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("validate-manifest.js");
        start.ArgumentList.Add(manifest);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr);
        using var result = JsonDocument.Parse(await stdout);
        return (result.RootElement.GetProperty("schema").GetString()!, [.. result.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)]);
    }

    private static (int Width, int Height, byte ColorType) PngHeader(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);
    }

    /// <summary>Decodes an 8-bit RGBA, non-interlaced PNG (what the package ships) into pixels.</summary>
    private static List<(byte R, byte G, byte B, byte A)> PngPixels(byte[] png, int width, int height)
    {
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(png, offset + 8, length);
            }

            offset += length + 12;
        }

        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflate.CopyTo(raw);
        var data = raw.ToArray();
        var stride = (width * 4) + 1;
        var previous = new byte[width * 4];
        var pixels = new List<(byte, byte, byte, byte)>();
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * stride];
            var line = data.AsSpan((y * stride) + 1, width * 4).ToArray();
            for (var i = 0; i < line.Length; i++)
            {
                var left = i >= 4 ? line[i - 4] : 0;
                var up = previous[i];
                var upLeft = i >= 4 ? previous[i - 4] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                pixels.Add((line[x * 4], line[(x * 4) + 1], line[(x * 4) + 2], line[(x * 4) + 3]));
            }

            previous = line;
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
