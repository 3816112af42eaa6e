# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_in.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

class Ui_SignInDialog(object):
    def setupUi(self, SignInDialog):
        if not SignInDialog.objectName():
            SignInDialog.setObjectName(u"SignInDialog")
        SignInDialog.resize(560, 360)
        self.signInLayout = QVBoxLayout(SignInDialog)
        self.signInLayout.setObjectName(u"signInLayout")
        self.titleLabel = QLabel(SignInDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.signInLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(SignInDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.signInLayout.addWidget(self.hintLabel)

        self.credentialsForm = QFormLayout()
        self.credentialsForm.setObjectName(u"credentialsForm")
        self.nameLabel = QLabel(SignInDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(SignInDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.secretLabel = QLabel(SignInDialog)
        self.secretLabel.setObjectName(u"secretLabel")

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.secretLabel)

        self.secretEdit = QLineEdit(SignInDialog)
        self.secretEdit.setObjectName(u"secretEdit")
        self.secretEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.secretEdit)


        self.signInLayout.addLayout(self.credentialsForm)

        self.messageLabel = QLabel(SignInDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.signInLayout.addWidget(self.messageLabel)

        self.signInSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.signInLayout.addItem(self.signInSpacer)

        self.signInButton = QPushButton(SignInDialog)
        self.signInButton.setObjectName(u"signInButton")

        self.signInLayout.addWidget(self.signInButton)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.secretLabel.setBuddy(self.secretEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.secretEdit)
        QWidget.setTabOrder(self.secretEdit, self.signInButton)

        self.retranslateUi(SignInDialog)

        self.signInButton.setDefault(True)


        QMetaObject.connectSlotsByName(SignInDialog)
    # setupUi

    def retranslateUi(self, SignInDialog):
        SignInDialog.setWindowTitle(QCoreApplication.translate("SignInDialog", u"Sign in \u2014 Returns Receiving Station", None))
#if QT_CONFIG(accessibility)
        SignInDialog.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign in", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("SignInDialog", u"Returns Receiving Station", None))
        self.hintLabel.setText(QCoreApplication.translate("SignInDialog", u"Receivers sign in with their PIN, supervisors and admins with their password.", None))
        self.nameLabel.setText(QCoreApplication.translate("SignInDialog", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SignInDialog", u"receiver", None))
        self.secretLabel.setText(QCoreApplication.translate("SignInDialog", u"&PIN or password", None))
#if QT_CONFIG(accessibility)
        self.secretEdit.setAccessibleName(QCoreApplication.translate("SignInDialog", u"PIN or password", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign-in message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.signInButton.setAccessibleName(QCoreApplication.translate("SignInDialog", u"Sign in", None))
#endif // QT_CONFIG(accessibility)
        self.signInButton.setText(QCoreApplication.translate("SignInDialog", u"&Sign in", None))
    # retranslateUi

