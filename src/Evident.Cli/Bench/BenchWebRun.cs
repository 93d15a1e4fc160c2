using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Evident.Core.Metrics;
using Evident.Store;
using Evident.Store.Access;
using Evident.Store.Evidence;
using Evident.Web;
using Evident.Web.Data;
using Evident.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Evident.Cli.Bench;

/// <summary>One page's latencies: computed afresh (the cache emptied before each request) and kept (served from memory).</summary>
public sealed record PageMeasurement(string Page, int Status, int Bytes, double ComputedP50Ms, double ComputedP95Ms, double KeptP50Ms, double KeptP95Ms);

/// <summary>
/// Serves the workspace on a loopback port with the real server (Kestrel, sign-in, authorisation, rendering) and times
/// each page from a client on the same machine, so each figure is the server's time plus a loopback round trip.
/// </summary>
internal sealed class BenchWebRun(int rows, string? db, int iterations, bool json, InvocationConfiguration io)
{
    private static readonly string[] Pages =
    [
        "/", "/?period=week&by=segment", "/themes", "/friction", "/voices", "/voices?q=waiting", "/voices?q=%22on+hold%22&sentiment=negative", "/voices?q=zebra", "/voices?theme=wait-time&sentiment=negative",
        "/voices?theme=wait-time&q=waiting", "/communications", "/employees", "/api/v1/metrics", "/api/v1/themes",
    ];

    public async Task<int> ExecuteAsync(CancellationToken cancellation)
    {
        string target = db ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"evident-bench-query-{rows}.db"));
        var location = StoreLocation.Resolve(target);
        if (location.Dialect == StoreDialect.Sqlite && !File.Exists(location.Target))
        {
            int built = await BenchQueryRun.BuildAsync(location.Target, rows, io, cancellation);
            if (built != ExitCodes.Success)
            {
                return built;
            }
        }

        string email = $"bench-{Environment.ProcessId}@evident.invalid";
        string password = Passwords.Generate();
        await using (var workspace = await Workspace.OpenAsync(location, create: false, cancellation))
        {
            await new AccessStore(workspace).AddUserAsync(email, Passwords.Hash(password), Roles.Admin, null, cancellation);
            // What the server does in the background once it starts, done first: the searches measure the index.
            var clock = Stopwatch.StartNew();
            long indexed = await SearchIndex.CatchUpAsync(workspace, cancellation: cancellation);
            if (indexed > 0)
            {
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {indexed:#,0} comments for search in {clock.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        try
        {
            return await MeasureAsync(location, email, password, cancellation);
        }
        finally
        {
            await using var workspace = await Workspace.OpenAsync(location, create: false, CancellationToken.None);
            var store = new AccessStore(workspace);
            if (await store.FindUserAsync(email, CancellationToken.None) is { } user)
            {
                await store.DeleteUserAsync(user.Id, CancellationToken.None);
            }
        }
    }

    private async Task<int> MeasureAsync(StoreLocation location, string email, string password, CancellationToken cancellation)
    {
        // No API rate limit: the bench asks for the same page more often than a client may.
        await using var app = EvidentServer.Build(["--Evident:Db", location.Target, "--urls", "http://127.0.0.1:0", "--Evident:ApiRequestsPerMinute", "0"]);
        await EvidentServer.PrepareAsync(app, cancellation);
        await app.StartAsync(cancellation);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var evidence = app.Services.GetRequiredService<EvidenceService>();
        io.Error.WriteLine($"measuring {location.Display} served at {address}");

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(address) };
        string form = await client.GetStringAsync("/login", cancellation);
        string token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        }), cancellation);
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            io.Error.WriteLine($"error: the bench user could not sign in ({(int)signIn.StatusCode})");
            return ExitCodes.UsageOrInput;
        }

        var results = new List<PageMeasurement>();
        foreach (string page in Pages)
        {
            var (status, bytes, _) = await GetAsync(client, page, cancellation); // warm-up: JIT, statement preparation, view compilation
            if (status != 200)
            {
                io.Error.WriteLine($"  {page}: {status}, not measured");
                results.Add(new PageMeasurement(page, status, bytes, double.NaN, double.NaN, double.NaN, double.NaN));
                continue;
            }

            var computed = new List<double>();
            var kept = new List<double>();
            for (int i = 0; i < iterations; i++)
            {
                evidence.Invalidate();
                computed.Add((await GetAsync(client, page, cancellation)).Ms);
                kept.Add((await GetAsync(client, page, cancellation)).Ms);
            }

            var m = new PageMeasurement(page, status, bytes, P(computed, 0.5), P(computed, 0.95), P(kept, 0.5), P(kept, 0.95));
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {page}: computed p50 {m.ComputedP50Ms:0.0} ms, kept p50 {m.KeptP50Ms:0.0} ms"));
            results.Add(m);
        }

        await app.StopAsync(CancellationToken.None);
        if (json)
        {
            BenchConsole.WriteJson(io.Output, new { workspace = location.Display, machine = MachineInfo.Current(), iterations, pages = results });
            return ExitCodes.Success;
        }

        io.Output.WriteLine(MachineInfo.Current().Describe());
        var table = new Table().AddColumns("page", "status", "KiB", "computed p50 ms", "computed p95 ms", "kept p50 ms", "kept p95 ms");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Page), r.Status.ToString(CultureInfo.InvariantCulture), (r.Bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture),
                Ms(r.ComputedP50Ms), Ms(r.ComputedP95Ms), Ms(r.KeptP50Ms), Ms(r.KeptP95Ms));
        }

        BenchConsole.WriteTable(io.Output, table);
        return ExitCodes.Success;
    }

    private static async Task<(int Status, int Bytes, double Ms)> GetAsync(HttpClient client, string page, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(page, cancellation);
        byte[] body = await response.Content.ReadAsByteArrayAsync(cancellation);
        return ((int)response.StatusCode, body.Length, clock.Elapsed.TotalMilliseconds);
    }

    private static double P(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return Statistics.Percentile(sorted, p);
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms.ToString(ms < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
