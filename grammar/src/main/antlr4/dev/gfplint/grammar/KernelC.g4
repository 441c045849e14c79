/*
 * KernelC: the C subset gfplint parses inside one function body of raw, unpreprocessed kernel-style C.
 *
 * It is an island grammar. The top level of a file (declarations, struct bodies, #defines) is found by a
 * brace-matching scanner in analyzer-core; each function body is then parsed on its own with this grammar,
 * SLL first and LL only on failure. Tokens come from the hand-written lexer in analyzer-core
 * (dev.gfplint.core.lex.Lexer), which also drops annotation macros (__init, __user, __attribute__((...)), ...)
 * listed in the idiom table and turns typedef names it knows into TYPEDEF_NAME.
 *
 * Unknown identifiers are the hard part of C without a preprocessor: `a * b;` and `f(x);`. The rules below
 * take an unknown identifier as a type only where an expression could not stand:
 *   - a declaration whose type is a bare identifier must have a declarator that starts with a name or '*'
 *     (so `f(x);` stays a call);
 *   - a cast to a bare identifier loses to a parenthesised expression when both parse (`(a) - b`).
 * Ambiguities are resolved by alternative order (the first alternative wins), which is also what SLL does.
 */
parser grammar KernelC;

tokens {
    IDENT, TYPEDEF_NAME, INT_LIT, FLOAT_LIT, CHAR_LIT, STRING,

    AUTO, BREAK, CASE, CHAR, CONST, CONTINUE, DEFAULT, DO, DOUBLE, ELSE, ENUM, EXTERN, FLOAT, FOR, GOTO, IF,
    INLINE, INT, LONG, REGISTER, RESTRICT, RETURN, SHORT, SIGNED, SIZEOF, STATIC, STRUCT, SWITCH, TYPEDEF,
    UNION, UNSIGNED, VOID, VOLATILE, WHILE, BOOL, COMPLEX, INT128, AUTO_TYPE, ALIGNOF, ALIGNAS, GENERIC,
    THREAD_LOCAL, TYPEOF, ASM, EXTENSION, LABEL,

    LPAREN, RPAREN, LBRACK, RBRACK, LBRACE, RBRACE, DOT, ARROW, INC, DEC, AMP, STAR, PLUS, MINUS, TILDE,
    BANG, DIV, MOD, SHL, SHR, LT, GT, LE, GE, EQ, NE, CARET, PIPE, ANDAND, OROR, QUESTION, COLON, SEMI,
    ELLIPSIS, ASSIGN, MUL_ASSIGN, DIV_ASSIGN, MOD_ASSIGN, ADD_ASSIGN, SUB_ASSIGN, SHL_ASSIGN, SHR_ASSIGN,
    AND_ASSIGN, XOR_ASSIGN, OR_ASSIGN, COMMA, HASH, HASHHASH,

    // Synthetic tokens made by the driver, never by the lexer from text:
    PP_COND,   // the condition of an #if group that the driver turned into an if/else inside a function
    SKIPPED,   // a statement the driver could not parse, replaced by this one token so its neighbours parse
    OTHER      // a stray character (backslash, '@', '`', ...)
}

functionBody
    : compoundStatement EOF
    ;

compoundStatement
    : LBRACE blockItem* RBRACE
    ;

blockItem
    : LABEL IDENT (COMMA IDENT)* SEMI                                          # localLabels
    | declaration                                                              # declItem
    | statement                                                                # stmtItem
    ;

statement
    : compoundStatement                                                        # blockStmt
    | IF LPAREN expression RPAREN statement (ELSE statement)?                 # ifStmt
    | SWITCH LPAREN expression RPAREN statement                                # switchStmt
    | WHILE LPAREN expression RPAREN statement                                 # whileStmt
    | DO statement WHILE LPAREN expression RPAREN SEMI                        # doStmt
    | FOR LPAREN forInit? SEMI forCond=expression? SEMI forStep=expression? RPAREN statement # forStmt
    | GOTO IDENT SEMI                                                          # gotoStmt
    | GOTO STAR expression SEMI                                                # computedGotoStmt
    | CONTINUE SEMI                                                            # continueStmt
    | BREAK SEMI                                                               # breakStmt
    | RETURN expression? SEMI                                                  # returnStmt
    | CASE assignExpr (ELLIPSIS assignExpr)? COLON                            # caseLabel
    | DEFAULT COLON                                                            # defaultLabel
    | IDENT COLON                                                              # labelStmt
    | asmStatement                                                             # asmStmt
    | expression SEMI                                                          # exprStmt
    | IDENT LPAREN argumentList? RPAREN statement                              # macroStmt
    | SEMI                                                                     # emptyStmt
    | IDENT LPAREN argumentList? RPAREN                                        # macroEndStmt
    | SKIPPED                                                                  # skippedStmt
    ;

forInit
    : declarationSpecifiers initDeclaratorList
    | specWord* IDENT specWord* identInitDeclaratorList
    | expression
    ;

// ---------------------------------------------------------------- declarations

declaration
    : declarationSpecifiers initDeclaratorList? SEMI
    | specWord* IDENT specWord* identInitDeclaratorList SEMI
    // a variable declared through a macro: DECLARE_BITMAP(x, N) = { }; static DEFINE_MUTEX(m);
    | specWord* IDENT LPAREN argumentList? RPAREN ASSIGN initializerBlock SEMI
    | specWord+ IDENT LPAREN argumentList? RPAREN SEMI
    ;

declarationSpecifiers
    : specWord* definiteType specWord*
    | specWord+
    ;

specWord
    : storageClass
    | typeQualifier
    | builtinType
    | ALIGNAS LPAREN (typeName | expression) RPAREN
    | EXTENSION
    ;

storageClass
    : TYPEDEF | EXTERN | STATIC | AUTO | REGISTER | THREAD_LOCAL | INLINE
    ;

typeQualifier
    : CONST | VOLATILE | RESTRICT
    ;

builtinType
    : VOID | CHAR | SHORT | INT | LONG | FLOAT | DOUBLE | SIGNED | UNSIGNED | BOOL | COMPLEX | INT128
    | AUTO_TYPE
    ;

definiteType
    : TYPEDEF_NAME
    | (STRUCT | UNION) (IDENT | TYPEDEF_NAME)? (LBRACE balanced* RBRACE)?
    | ENUM (IDENT | TYPEDEF_NAME)? (COLON typeName)? (LBRACE balanced* RBRACE)?
    | TYPEOF LPAREN (typeName | expression) RPAREN
    ;

balanced
    : LBRACE balanced* RBRACE
    | ~(LBRACE | RBRACE)
    ;

initDeclaratorList
    : initDeclarator (COMMA initDeclarator)*
    ;

identInitDeclaratorList
    : identInitDeclarator (COMMA initDeclarator)*
    ;

initDeclarator
    : declarator asmLabel? (ASSIGN initializer)?
    ;

identInitDeclarator
    : identDeclarator asmLabel? (ASSIGN initializer)?
    ;

// After a bare-identifier type the declarator may not start with '(' (that is a call: `f(x);`).
identDeclarator
    : pointer directDeclarator
    | IDENT declaratorSuffix*
    ;

declarator
    : pointer? directDeclarator
    ;

directDeclarator
    : (IDENT | TYPEDEF_NAME) declaratorSuffix*
    | LPAREN declarator RPAREN declaratorSuffix*
    ;

declaratorSuffix
    : LBRACK (STATIC | typeQualifier)* assignExpr? RBRACK
    | LPAREN parameterList? RPAREN
    // Bit-field width, in local struct-like declarations: a primary (literal, name, parenthesised), not any
    // expression. An expression here would let '=' follow an expression (`int x : 3 = ...`), so every
    // `x = ...` would make the parser look ahead to the end of the statement to choose, at every level of
    // `x = - - ... a`: time quadratic, and recursion as deep as the statement is long.
    | COLON primaryExpr
    ;

asmLabel
    : ASM LPAREN asmPiece+ RPAREN
    ;

pointer
    : (STAR typeQualifier*)+
    ;

parameterList
    : parameterDeclaration (COMMA parameterDeclaration)* (COMMA ELLIPSIS)?
    | ELLIPSIS
    ;

parameterDeclaration
    : declarationSpecifiers (declarator | abstractDeclarator)?
    | specWord* IDENT specWord* (declarator | abstractDeclarator)?
    ;

typeName
    : declarationSpecifiers abstractDeclarator?
    | specWord* IDENT specWord* pointer directAbstractDeclarator?
    ;

abstractDeclarator
    : pointer directAbstractDeclarator?
    | directAbstractDeclarator
    ;

directAbstractDeclarator
    : LPAREN abstractDeclarator RPAREN declaratorSuffix*
    | declaratorSuffix+
    ;

initializer
    : assignExpr
    | LBRACE initializerList? COMMA? RBRACE
    ;

initializerList
    : designatedInitializer (COMMA designatedInitializer)*
    ;

designatedInitializer
    : (designator+ ASSIGN | IDENT COLON)? initializer
    ;

designator
    : LBRACK assignExpr (ELLIPSIS assignExpr)? RBRACK
    | DOT (IDENT | TYPEDEF_NAME)
    ;

// ---------------------------------------------------------------- asm

asmStatement
    : ASM asmQualifier* LPAREN asmTemplate
          (COLON asmOperands? (COLON asmOperands? (COLON asmClobbers? (COLON asmLabels?)?)?)?)?
      RPAREN SEMI
    ;

asmQualifier
    : VOLATILE | GOTO | INLINE
    ;

asmTemplate
    : asmPiece+
    ;

asmPiece
    : STRING
    | IDENT (LPAREN parenSoup RPAREN)?
    ;

// the arguments of a macro inside an asm template are assembler text, not C: %0, %[name], ...
parenSoup
    : (~(LPAREN | RPAREN) | LPAREN parenSoup RPAREN)*
    ;

asmOperands
    : asmOperand (COMMA asmOperand)*
    ;

asmOperand
    : (LBRACK IDENT RBRACK)? asmPiece+ (LPAREN expression RPAREN)?
    ;

asmClobbers
    : asmPiece (COMMA asmPiece)*
    ;

asmLabels
    : IDENT (COMMA IDENT)*
    ;

// ---------------------------------------------------------------- expressions

expression
    : assignExpr (COMMA assignExpr)*
    ;

assignExpr
    : primaryExpr                                                              # primary
    | assignExpr LBRACK expression RBRACK                                      # indexExpr
    | assignExpr LPAREN argumentList? RPAREN                                   # callExpr
    | assignExpr op=(DOT | ARROW) (IDENT | TYPEDEF_NAME)                       # memberExpr
    | assignExpr op=(INC | DEC)                                                # postfixExpr
    | assignExpr IDENT* STRING stringPart*                                   # stringConcatExpr
    | <assoc=right> op=(INC | DEC | AMP | STAR | PLUS | MINUS | TILDE | BANG | EXTENSION) assignExpr # unaryExpr
    | ANDAND IDENT                                                             # labelAddressExpr
    | op=(SIZEOF | ALIGNOF) LPAREN typeName RPAREN                             # sizeofTypeExpr
    | <assoc=right> op=(SIZEOF | ALIGNOF) assignExpr                           # sizeofExpr
    | <assoc=right> LPAREN typeName RPAREN assignExpr                          # castExpr
    | <assoc=right> LPAREN IDENT RPAREN assignExpr                             # identCastExpr
    | assignExpr op=(STAR | DIV | MOD) assignExpr                              # binaryExpr
    | assignExpr op=(PLUS | MINUS) assignExpr                                  # binaryExpr
    | assignExpr op=(SHL | SHR) assignExpr                                     # binaryExpr
    | assignExpr op=(LT | GT | LE | GE) assignExpr                             # binaryExpr
    | assignExpr op=(EQ | NE) assignExpr                                       # binaryExpr
    | assignExpr op=AMP assignExpr                                             # binaryExpr
    | assignExpr op=CARET assignExpr                                           # binaryExpr
    | assignExpr op=PIPE assignExpr                                            # binaryExpr
    | assignExpr op=ANDAND assignExpr                                          # binaryExpr
    | assignExpr op=OROR assignExpr                                            # binaryExpr
    | <assoc=right> assignExpr QUESTION expression? COLON assignExpr           # conditionalExpr
    | <assoc=right> assignExpr op=(ASSIGN | MUL_ASSIGN | DIV_ASSIGN | MOD_ASSIGN | ADD_ASSIGN | SUB_ASSIGN
                                  | SHL_ASSIGN | SHR_ASSIGN | AND_ASSIGN | XOR_ASSIGN | OR_ASSIGN) assignExpr # assignmentExpr
    ;

primaryExpr
    : IDENT                                                                    # identPrimary
    | (INT_LIT | FLOAT_LIT | CHAR_LIT)                                         # literalPrimary
    | STRING stringPart*                                                       # stringPrimary
    | LPAREN compoundStatement RPAREN                                          # stmtExprPrimary
    | LPAREN expression RPAREN                                                 # parenPrimary
    | LPAREN typeName RPAREN LBRACE initializerList? COMMA? RBRACE             # compoundLiteralPrimary
    | GENERIC LPAREN assignExpr (COMMA genericAssociation)+ RPAREN            # genericPrimary
    | PP_COND                                                                  # ppCondPrimary
    ;

// what may follow a string literal: more literals, and macros that make strings ("a" PRIu64, __stringify(x))
stringPart
    : STRING
    | IDENT (LPAREN argumentList? RPAREN)?
    ;

genericAssociation
    : (typeName | DEFAULT) COLON assignExpr
    ;

// Macro arguments may be types (container_of(p, struct foo, member), min_t(unsigned long, a, b)) or empty.
argumentList
    : argument (COMMA argument?)*
    | (COMMA argument?)+
    ;

argument
    : assignExpr
    | typeName
    | initializerBlock
    | designator+ ASSIGN initializer                        // LIBBPF_OPTS(type, name, .field = value)
    | RETURN assignExpr?                                    // PP_ASSERT_WITH_CODE(cond, "msg", return ret)
    | BREAK | CONTINUE | GOTO IDENT
    | IF LPAREN expression RPAREN statement (ELSE statement)? statement*   // nvkm_msec(d, t, if (x) break;)
    | op=(EQ | NE | LT | GT | LE | GE)                      // ASSERTCMP(a, ==, b)
    ;

initializerBlock
    : LBRACE initializerList? COMMA? RBRACE
    ;
