/**
 * SAMPLE CONTENT for the home page slideshow, in the spirit of python.org's five code samples
 * (which live only in its database): a snippet and the HTML beside it.
 */
export const CODE_SAMPLES = [
  {
    title: 'Functions defined',
    code: '# Python 3: Fibonacci series up to n\n>>> def fib(n):\n...     a, b = 0, 1\n...     while a < n:\n...         print(a, end=\' \')\n...         a, b = b, a+b\n...     print()\n>>> fib(1000)\n0 1 1 2 3 5 8 13 21 34 55 89 144 233 377 610 987',
    copy: '<h1>Functions Defined</h1><p>The core of extensible programming is defining functions. Python allows mandatory and optional arguments, keyword arguments, and even arbitrary argument lists.</p>',
  },
  {
    title: 'Compound data types',
    code: "# Python 3: List comprehensions\n>>> fruits = ['Banana', 'Apple', 'Lime']\n>>> loud_fruits = [fruit.upper() for fruit in fruits]\n>>> print(loud_fruits)\n['BANANA', 'APPLE', 'LIME']\n\n# List and the enumerate function\n>>> list(enumerate(fruits))\n[(0, 'Banana'), (1, 'Apple'), (2, 'Lime')]",
    copy: '<h1>Compound Data Types</h1><p>Lists (known as arrays in other languages) are one of the compound data types that Python understands. Lists can be indexed, sliced and manipulated with other built-in functions.</p>',
  },
  {
    title: 'Intuitive interpretation',
    code: '# Python 3: Simple arithmetic\n>>> 1 / 2\n0.5\n>>> 2 ** 3\n8\n>>> 17 / 3  # classic division returns a float\n5.666666666666667\n>>> 17 // 3  # floor division\n5',
    copy: '<h1>Intuitive Interpretation</h1><p>Calculations are simple with Python, and expression syntax is straightforward: the operators <code>+</code>, <code>-</code>, <code>*</code> and <code>/</code> work as expected; parentheses <code>()</code> can be used for grouping.</p>',
  },
  {
    title: 'Quick and easy to learn',
    code: '# Python 3: Simple output (with Unicode)\n>>> print("Hello, I\'m Python!")\nHello, I\'m Python!\n# Input, assignment\n>>> name = input(\'What is your name?\\n\')\nWhat is your name?\nPython\n>>> print(f\'Hi, {name}.\')\nHi, Python.',
    copy: '<h1>Quick &amp; Easy to Learn</h1><p>Experienced programmers in any other language can pick up Python very quickly, and beginners find the clean syntax and indentation structure easy to learn.</p>',
  },
  {
    title: 'All the flow you need',
    code: "# For loop on a list\n>>> numbers = [2, 4, 6, 8]\n>>> product = 1\n>>> for number in numbers:\n...    product = product * number\n...\n>>> print('The product is:', product)\nThe product is: 384",
    copy: '<h1>All the Flow You&rsquo;d Expect</h1><p>Python knows the usual control flow statements that other languages speak &mdash; <code>if</code>, <code>for</code>, <code>while</code> and <code>range</code> &mdash; with some of its own twists, of course.</p>',
  },
]
