using Sanxiang.Kernel.Persistence;

namespace Sanxiang.Kernel.Tests.Persistence;

/// <summary>PostgreSQL sessions of the app run without JIT compilation (ADR 0017), unless the connection string says otherwise.</summary>
public sealed class DatabaseOptionsTests
{
    [Fact]
    public void WithoutJit_AddsTheOption_KeepingTheRest()
    {
        var cs = DatabaseOptions.WithoutJit("Host=db;Port=5433;Username=app;Database=sanxiang;Maximum Pool Size=64");

        cs.ShouldContain("Options=\"-c jit=off\"");
        cs.ShouldContain("Host=db");
        cs.ShouldContain("Port=5433");
        cs.ShouldContain("Maximum Pool Size=64");
    }

    [Fact]
    public void WithoutJit_AppendsToOtherOptions_AndLeavesAnExplicitJitSettingAlone()
    {
        DatabaseOptions.WithoutJit("Host=db;Options=-c statement_timeout=5000").ShouldContain("-c statement_timeout=5000 -c jit=off");
        DatabaseOptions.WithoutJit("Host=db;Options=-c jit=on").ShouldContain("-c jit=on");
        DatabaseOptions.WithoutJit("Host=db;Options=-c jit=on").ShouldNotContain("jit=off");
    }
}
