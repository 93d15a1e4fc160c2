using Evident.Store;

namespace Evident.Web.Data;

/// <summary>
/// The workspace the server works on (configuration <c>Evident:Db</c>, else <c>EVIDENT_DB</c>, else <c>evident.db</c>):
/// brought to the current schema once, then one connection opened per use, from a pool (see <see cref="Workspace.OpenCurrentAsync"/>).
/// </summary>
public sealed class WorkspaceSource(IConfiguration configuration, ILogger<WorkspaceSource> log) : IDisposable
{
    private readonly SemaphoreSlim migrating = new(1, 1);
    private volatile bool ready;

    public StoreLocation Location { get; } = StoreLocation.Resolve(configuration["Evident:Db"]);

    /// <summary>Opens the workspace, applying migrations the first time (the rest of the server's life skips the check).</summary>
    public async Task<Workspace> OpenAsync(CancellationToken cancellation = default)
    {
        if (!ready)
        {
            await migrating.WaitAsync(cancellation);
            try
            {
                if (!ready)
                {
                    await using var first = await Workspace.OpenAsync(Location, create: true, notice: work => log.LogWarning("{Work} …", work), cancellation);
                    ready = true;
                }
            }
            finally
            {
                migrating.Release();
            }
        }

        return await Workspace.OpenCurrentAsync(Location, pooled: true, cancellation);
    }

    public void Dispose()
    {
        Workspace.ReleasePooled(Location);
        migrating.Dispose();
    }
}
