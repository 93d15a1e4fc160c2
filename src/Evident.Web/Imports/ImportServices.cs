namespace Evident.Web.Imports;

/// <summary>What the Imports page needs: the uploads folder and the background runner, one of each per server.</summary>
public static class ImportServices
{
    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddSingleton<ImportUploads>().AddSingleton<ImportRunner>();
}
