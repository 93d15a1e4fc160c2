using Evident.Cli.Tests.Analyze;

namespace Evident.Cli.Tests.Serve;

/// <summary>
/// An address the server cannot listen on is a usage error before the workspace is opened: "notaurl" had ended in an
/// unhandled FormatException after the search index was built, "http://*:abc" listened on port 80, and "ftp://" and a
/// path failed only at start.
/// </summary>
public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("serve", "notaurl")]
    [InlineData("serve", "http://127.0.0.1:5080;ftp://example.org")]
    [InlineData("serve", "http://*:abc")]
    [InlineData("serve", "http://127.0.0.1:5080/evident")]
    [InlineData("demo", "localhost:5080")]
    public async Task An_address_that_cannot_be_listened_on_is_refused_naming_it(string verb, string urls)
    {
        using var folder = new TempFolder();

        var result = await CommandRunner.RunAsync(null, verb, "--urls", urls, verb == "demo" ? "--out" : "--db", Path.Combine(folder.Path, "w"));

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        string refused = urls.Split(';')[^1];
        Assert.Contains($"--urls: '{refused}' is not an address to listen on; write it as {Cli.Serve.ServeCommand.DefaultUrl}", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("serve", "127.0.0.1")]
    [InlineData("serve", "localhost")]
    [InlineData("demo", "127.0.0.1")]
    public async Task An_address_another_process_listens_on_is_refused_before_anything_is_built(string verb, string host)
    {
        using var folder = new TempFolder();
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            string url = $"http://{host}:{port}";
            string db = Path.Combine(folder.Path, "w.db");
            if (verb == "serve")
            {
                Assert.Equal(0, (await CommandRunner.RunAsync(null, "init", "--db", db)).ExitCode);
            }

            var result = await CommandRunner.RunAsync(null, verb, "--urls", url, verb == "demo" ? "--out" : "--db", verb == "demo" ? Path.Combine(folder.Path, "demo") : db);

            Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
            Assert.Contains($"error: cannot listen on {url}: another process listens there", result.Stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder.Path, "demo")));
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task No_address_at_all_is_refused()
    {
        var result = await CommandRunner.RunAsync(null, "serve", "--urls", " ");

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("--urls needs an address to listen on", result.Stderr, StringComparison.Ordinal);
    }
}
