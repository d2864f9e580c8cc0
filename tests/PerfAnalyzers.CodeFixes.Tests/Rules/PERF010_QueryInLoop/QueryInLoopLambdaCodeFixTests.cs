using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer, PerfAnalyzers.Rules.QueryInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

/// <summary>Per-element LINQ-to-objects lambdas that run within their statement: the batched query goes before the statement.</summary>
public class QueryInLoopLambdaCodeFixTests
{
    [Fact]
    public Task FindInListForEachLambda_BatchedBeforeStatement() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<int> ids)
            {
                ids.ForEach(id => Console.WriteLine(db.Customers.{|PERF010:Find|}(id)?.Name));
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db, List<int> ids)
            {
                var ids2 = ids.Distinct().ToList();
                var customersById = db.Customers.Where(c => ids2.Contains(c.Id)).AsTracking().ToLookup(c => c.Id);
                ids.ForEach(id => Console.WriteLine(customersById[id].FirstOrDefault()?.Name));
            }
        }
        """));

    [Fact]
    public Task AnyInToDictionaryLambda_KeySetBeforeStatement() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            Dictionary<int, bool> M(ShopContext db, Customer[] customers)
            {
                var hasOrders = customers.ToDictionary(c => c.Id, c => db.Orders.{|PERF010:Any|}(o => o.CustomerId == c.Id));
                return hasOrders;
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            Dictionary<int, bool> M(ShopContext db, Customer[] customers)
            {
                var ids = customers.Select(c => c.Id).Distinct().ToList();
                var customerIdsWithOrders = db.Orders.Where(o => ids.Contains(o.CustomerId)).Select(o => o.CustomerId).Distinct().ToHashSet();
                var hasOrders = customers.ToDictionary(c => c.Id, c => customerIdsWithOrders.Contains(c.Id));
                return hasOrders;
            }
        }
        """));

    [Fact]
    public Task LambdaInExpressionBodiedMember_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            List<int> M(ShopContext db, List<Customer> customers) =>
                customers.Select(c => db.Orders.{|PERF010:Count|}(o => o.CustomerId == c.Id)).ToList();
        }
        """));

    [Fact]
    public Task ParallelForEachLambda_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            void M(ShopContext db, int[] ids)
            {
                Parallel.ForEach(ids, id => db.Customers.{|PERF010:Find|}(id));
            }
        }
        """));
}
