namespace Evident.Store;

/// <summary>A problem with the workspace a user can act on; the message says what to do.</summary>
public sealed class StoreException : Exception
{
    public StoreException(string message) : base(message)
    {
    }

    public StoreException(string message, Exception inner) : base(message, inner)
    {
    }

    public StoreException()
    {
    }
}
