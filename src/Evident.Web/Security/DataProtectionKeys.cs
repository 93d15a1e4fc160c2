using System.Xml.Linq;
using Evident.Store.Access;
using Evident.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Evident.Web.Security;

/// <summary>
/// Keeps ASP.NET Core's data-protection key ring (what signs login cookies and anti-forgery tokens) in the workspace,
/// so that sign-ins survive a restart and every server on one PostgreSQL database reads the others' cookies. The
/// framework calls this synchronously and rarely (at start, and when a key is rotated every 90 days).
/// </summary>
public sealed class WorkspaceXmlRepository(WorkspaceSource workspaces) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => Task.Run(async () =>
    {
        await using var workspace = await workspaces.OpenAsync();
        var keys = await new AccessStore(workspace).ReadDataProtectionKeysAsync();
        return (IReadOnlyCollection<XElement>)[.. keys.Select(k => XElement.Parse(k))];
    }).GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => Task.Run(async () =>
    {
        await using var workspace = await workspaces.OpenAsync();
        await new AccessStore(workspace).StoreDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }).GetAwaiter().GetResult();
}
