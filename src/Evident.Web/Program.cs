namespace Evident.Web;

/// <summary>
/// Runs the web application on its own: <c>dotnet run --project src/Evident.Web -- --Evident:Db=PATH</c>. The usual
/// way is <c>evident serve</c>; this entry point is what WebApplicationFactory starts in tests.
/// </summary>
#pragma warning disable CA1052 // WebApplicationFactory<Program> needs a non-static type from this assembly
public sealed class Program
#pragma warning restore CA1052
{
    private Program()
    {
    }

    public static async Task Main(string[] args)
    {
        var app = EvidentServer.Build(args);
        await EvidentServer.PrepareAsync(app);
        await app.RunAsync();
    }
}
