using System.CommandLine;
using Evident.Store;
using Evident.Web;
using Evident.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Evident.Cli.Serve;

/// <summary><c>evident serve</c>: the web application on a workspace, until Ctrl+C.</summary>
public static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var db = DbOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {DefaultUrl}, this machine only; http://0.0.0.0:5080 to be reached from others — put TLS in front).",
            DefaultValueFactory = _ => DefaultUrl,
        };
        CheckUrls(urls);
        var command = new Command("serve", "Serve the dashboard, the verbatims, imports and the REST API (/api/v1) of a workspace in the browser.")
        {
            db,
            urls,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var stderr = parse.InvocationConfiguration.Error;
            var location = StoreLocation.Resolve(parse.GetValue(db));
            return await RunAsync(location, parse.GetValue(urls)!, stderr, firstLogin: null, cancellation);
        });
        return command;
    }

    /// <summary>
    /// Refuses a --urls value the server could not listen on, before anything starts, in words: Kestrel's own parser
    /// (BindingAddress) judges each address of the list, where "notaurl" had ended in an unhandled FormatException
    /// after the workspace was opened and indexed.
    /// </summary>
    public static void CheckUrls(Option<string> urls) => urls.Validators.Add(result =>
    {
        string[] list = (result.GetValueOrDefault<string>() ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            result.AddError($"--urls needs an address to listen on, such as {DefaultUrl}");
        }

        foreach (string url in list)
        {
            if (!CanListenOn(url))
            {
                result.AddError($"--urls: '{url}' is not an address to listen on; write it as {DefaultUrl} (several separated by ';')");
            }
        }
    });

    /// <summary>
    /// Whether Kestrel can listen on <paramref name="url"/>: its parser (BindingAddress) takes it, the scheme is http or
    /// https, and the rest reads as a URL once a wildcard host (* or +) stands for a name. BindingAddress alone takes
    /// "ftp://…" (refused only at start) and "http://*:abc" (which listened on port 80).
    /// </summary>
    private static bool CanListenOn(string url)
    {
        try
        {
            var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
            string named = address.Host is "*" or "+" ? url.Replace("://" + address.Host, "://localhost", StringComparison.Ordinal) : url;
            return address.Scheme.ToLowerInvariant() is "http" or "https"
                && address.PathBase.Length == 0 // Kestrel refuses a path ("http://host:5080/evident") at start
                && Uri.TryCreate(named, UriKind.Absolute, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Why the server could not listen on <paramref name="urls"/> because another process already does, or null. Asked
    /// before anything is built: Kestrel finds it only at start, after the workspace was opened and indexed (and the
    /// demo built), and ASP.NET logs its failure with a stack before Evident's one line. An address with a name other
    /// than localhost is left to Kestrel, which still reports what this cannot foresee.
    /// </summary>
    public static string? AddressInUse(string urls)
    {
        foreach (string url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var address = Microsoft.AspNetCore.Http.BindingAddress.Parse(url);
            System.Net.IPAddress? ip = address.Host switch
            {
                "localhost" => System.Net.IPAddress.Loopback,
                "*" or "+" => System.Net.IPAddress.Any,
                _ => System.Net.IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) ? parsed : null,
            };
            if (ip is null || address.Port == 0)
            {
                continue;
            }

            var listener = new System.Net.Sockets.TcpListener(ip, address.Port);
            try
            {
                listener.Start();
            }
            catch (System.Net.Sockets.SocketException exception) when (exception.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
            {
                return $"cannot listen on {url}: another process listens there (an evident serve or demo already running?); choose another address with --urls";
            }
            catch (System.Net.Sockets.SocketException)
            {
                continue; // not ours to judge (an address of another machine): Kestrel will say
            }
            finally
            {
                listener.Stop();
            }
        }

        return null;
    }

    /// <summary>Serves <paramref name="location"/> until <paramref name="cancellation"/>; what `serve` and `demo` share.</summary>
    /// <param name="firstLogin">Printed with the address (the demo's generated admin), or null.</param>
    public static async Task<int> RunAsync(StoreLocation location, string urls, TextWriter stderr, string? firstLogin, CancellationToken cancellation)
    {
        if (location.Dialect == StoreDialect.Sqlite && !File.Exists(location.Target))
        {
            stderr.WriteLine($"error: {location.Target}: no workspace here; run `evident demo`, or bring data in with `evident import FILE --kind feedback` (or pass --db)");
            return ExitCodes.UsageOrInput;
        }

        if (AddressInUse(urls) is { } inUse)
        {
            stderr.WriteLine($"error: {inUse}");
            return ExitCodes.UsageOrInput;
        }

        WebApplication app;
        long users;
        try
        {
            app = EvidentServer.Build(["--Evident:Db", location.Target, "--urls", urls]);
            users = await EvidentServer.PrepareAsync(app, cancellation);
        }
        catch (StoreException exception)
        {
            stderr.WriteLine($"error: {exception.Message}");
            return ExitCodes.UsageOrInput;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException exception)
            {
                stderr.WriteLine($"error: cannot listen on {urls}: {exception.Message} (choose another with --urls)");
                return ExitCodes.UsageOrInput;
            }
            catch (InvalidOperationException exception) when (urls.Contains("https:", StringComparison.OrdinalIgnoreCase))
            {
                // No certificate for an https address: Kestrel's message tells a developer to make one with dotnet dev-certs
                stderr.WriteLine($"error: cannot listen on {urls}: {exception.Message.Split('\n')[0].TrimEnd()} "
                    + "Serve plain http on this machine behind a proxy that holds the certificate (docs/deploy.md), or give Kestrel one "
                    + "(Kestrel__Certificates__Default__Path and __Password).");
                return ExitCodes.UsageOrInput;
            }

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? urls;
            stderr.WriteLine($"Evident is serving {location.Display} at {address}  (Ctrl+C stops)");
            if (firstLogin is not null)
            {
                stderr.WriteLine(firstLogin);
            }
            else if (users == 0)
            {
                stderr.WriteLine($"No user yet: create the first admin at {address}/setup?token={app.Services.GetRequiredService<SetupToken>().Value}");
                stderr.WriteLine("  or on the command line: evident user add EMAIL --role admin");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None);
        }

        return ExitCodes.Success;
    }
}
