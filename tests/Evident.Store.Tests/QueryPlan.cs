using System.Data.Common;
using Dapper;

namespace Evident.Store.Tests;

/// <summary>What SQLite's planner will do with a statement: its <c>EXPLAIN QUERY PLAN</c> steps, joined by " | ".</summary>
internal static class QueryPlan
{
    public static string Of(DbConnection connection, string sql, object parameters) =>
        string.Join(" | ", connection.Query<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + sql, parameters)
            .Select(step => step.Detail));
}
