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

    /// <summary>Serves <paramref name="location"/> until <paramref name="cancellation"/>; what `serve` and `demo` share.</summary>
    /// <param name="firstLogin">Printed with the address (the demo's generated admin), or null.</param>
    public static async Task<int> RunAsync(StoreLocation location, string urls, TextWriter stderr, string? firstLogin, CancellationToken cancellation)
    {
        if (location.Dialect == StoreDialect.Sqlite && !File.Exists(location.Target))
        {
            stderr.WriteLine($"error: {location.Target}: no workspace here; run `evident demo`, or bring data in with `evident import FILE --kind feedback` (or pass --db)");
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
