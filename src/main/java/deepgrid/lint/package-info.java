/**
 * A lint that knows neural networks: warnings, with file:line:col, a reason and what to do,
 * for experiment files that are valid but will probably not train as intended (a constant
 * initializer on a hidden layer, step in a trained net, an initializer that does not suit
 * its activation, a learning rate far outside its optimizer's usual range, ...).
 */
package deepgrid.lint;
