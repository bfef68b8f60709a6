package org.wnverify.symbolic.internal;

import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;
import org.wnverify.symbolic.Expression;
import org.wnverify.symbolic.Node;
import org.wnverify.symbolic.SymbolicError;
import org.wnverify.symbolic.SymbolicException;

/**
 * The one Symja evaluator of a {@link org.wnverify.symbolic.SymbolicEngine}. Every method must be
 * called on the engine's Symja thread (Symja keeps its evaluation engine in a thread-local and
 * shares unsynchronised caches); the engine guarantees this by only handing a session to work it
 * runs on that thread. Internal: other modules see {@link Expression} only.
 */
public final class SymjaSession {
  private final ExprEvaluator evaluator;
  private final Thread owner;
  private final java.util.Map<Long, IExpr> stash = new java.util.HashMap<>();
  private long stashCounter;

  public SymjaSession() {
    this.evaluator = new ExprEvaluator();
    // JAS (Symja's polynomial library) otherwise races GCD algorithms on a pool of its own
    // non-daemon threads: that breaks the one-thread rule and keeps the JVM alive ~60 s after
    // main. Must come after the evaluator is created, whose initialisation switches threads on.
    edu.jas.kern.ComputerThreads.setNoThreads();
    this.owner = Thread.currentThread();
  }

  /** Evaluates Symja input text; a thrown Symja error becomes EVALUATION_FAILED. */
  public IExpr eval(String input) {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("Symja used off its thread: " + Thread.currentThread());
    }
    try {
      return evaluator.eval(input);
    } catch (SymbolicException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      if (engine().isStopRequested()) {
        throw new SymbolicException(SymbolicError.TIMEOUT, "stopped: " + abbreviate(input), e);
      }
      throw new SymbolicException(
          SymbolicError.EVALUATION_FAILED, e + " while evaluating " + abbreviate(input), e);
    }
  }

  /** Evaluates an expression built with Symja's {@code F} factory (same error handling as text). */
  public IExpr eval(IExpr input) {
    if (Thread.currentThread() != owner) {
      throw new IllegalStateException("Symja used off its thread: " + Thread.currentThread());
    }
    try {
      return evaluator.eval(input);
    } catch (SymbolicException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      if (engine().isStopRequested()) {
        throw new SymbolicException(SymbolicError.TIMEOUT, "stopped: " + abbreviate(input.toString()), e);
      }
      throw new SymbolicException(
          SymbolicError.EVALUATION_FAILED, e + " while evaluating " + abbreviate(input.toString()), e);
    }
  }

  /**
   * Keeps an evaluated expression on the Symja thread between two calls of the same caller (so a
   * large derivative is neither re-derived nor re-parsed); release it with {@link #unstash}.
   */
  public long stash(IExpr e) {
    long id = ++stashCounter;
    stash.put(id, e);
    return id;
  }

  public IExpr stashed(long id) {
    IExpr e = stash.get(id);
    if (e == null) {
      throw new IllegalStateException("nothing stashed under " + id);
    }
    return e;
  }

  public void unstash(long id) {
    stash.remove(id);
  }

  /** Evaluates and converts to a Symja-free {@link Expression}. */
  public Expression evalExpression(String input) {
    return toExpression(eval(input));
  }

  public Expression toExpression(IExpr e) {
    return new Expression(e.toString(), toNode(e));
  }

  /** The calling thread's evaluation engine (the stop flag lives there). */
  public EvalEngine engine() {
    return evaluator.getEvalEngine();
  }

  /** Clears a stop request left over from a timed-out call before the next call starts. */
  public void resetStop() {
    engine().setStopRequested(false);
  }

  /** Converts strictly: anything but exact integers, rationals, symbols and ASTs is refused. */
  public static Node toNode(IExpr e) {
    if (e.isInteger()) {
      return new Node.Int(((IRational) e).toBigNumerator());
    }
    if (e.isFraction()) {
      IRational q = (IRational) e;
      return new Node.Rat(q.toBigNumerator(), q.toBigDenominator());
    }
    if (e.isSymbol()) {
      return new Node.Sym(((ISymbol) e).getSymbolName());
    }
    if (e.isAST()) {
      IAST ast = (IAST) e;
      IExpr head = ast.head();
      if (!head.isSymbol()) {
        throw new SymbolicException(SymbolicError.UNSUPPORTED_EXPRESSION, "compound head in " + e);
      }
      List<Node> args = new ArrayList<>(ast.argSize());
      for (int i = 1; i <= ast.argSize(); i++) {
        args.add(toNode(ast.get(i)));
      }
      return new Node.Apply(((ISymbol) head).getSymbolName(), args);
    }
    throw new SymbolicException(
        SymbolicError.UNSUPPORTED_EXPRESSION,
        "not an exact integer, rational, symbol or application: " + e + " (" + e.getClass().getSimpleName() + ")");
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
